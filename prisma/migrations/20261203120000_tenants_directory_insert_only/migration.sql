-- The workspace directory: app_user creates workspaces (sign-up, "new workspace") and reads them, and
-- changes none. Its own-row UPDATE and DELETE policies let one injected statement rename its workspace
-- to a reserved or look-alike slug (slug_skeleton is only as honest as the code that writes it) or
-- delete the workspace; nothing in the app updates or deletes a workspace, so neither is granted. A
-- fork that adds renaming grants UPDATE on the column it needs (e.g. name), not on slug.
REVOKE UPDATE, DELETE, TRUNCATE ON "tenants" FROM app_user;
