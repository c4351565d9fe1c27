-- Who may say "DNS proved it": record_domain_check() and record_email_domain_check() take the caller's
-- word for a DNS lookup made in Node. As app_user's, one injected statement in any workspace's
-- context could mark its own claim on gmail.com (or on a customer's company domain, or another
-- workspace's custom domain) verified, and so let its SCIM and SSO speak for those people, or route
-- that domain to itself. Tenant code cannot make auth_user run anything: only the checks themselves
-- (lib/domains/record-domain-check.ts, lib/sso/check-email-domain.ts) record through it, with the
-- workspace named by the statement as before.
REVOKE EXECUTE ON FUNCTION record_domain_check(uuid, domain_status, text, text[]) FROM app_user;
REVOKE EXECUTE ON FUNCTION record_email_domain_check(uuid, boolean, text) FROM app_user;
GRANT EXECUTE ON FUNCTION record_domain_check(uuid, domain_status, text, text[]) TO auth_user;
GRANT EXECUTE ON FUNCTION record_email_domain_check(uuid, boolean, text) TO auth_user;
