-- app_user reads the user directory (id, email, name: member lists, invitations, SCIM) and writes none
-- of it. Writing it from any tenant's context let one statement re-point another workspace owner's
-- email to an attacker's mailbox, then take the account over through a password reset; or delete a
-- user, and with it (foreign keys ignore RLS) their memberships everywhere. Accounts are created,
-- renamed and proven by auth_user (lib/db/auth-db.ts) alone.
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON "users" FROM app_user;
