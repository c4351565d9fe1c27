-- Renaming a workspace (issue 14, general settings): app_user may change its own workspace's name,
-- and only that column (20261203120000 revoked every update on the directory: a slug or its
-- skeleton rewritten by an injected statement would take over or imitate another workspace's host).
-- The own-row policy (init) keeps the statement to the tenant of the transaction.
GRANT UPDATE ("name") ON "tenants" TO app_user;
