-- Credentials and sessions get a role of their own. app_user runs every tenant request, so anything
-- it can read, a SQL injection or a forgotten filter anywhere in the app could leak: password hashes,
-- session rows, OAuth tokens, one-time sign-in tokens. auth_user (not owner, no BYPASSRLS, its own
-- URL and pool: lib/db/auth-db.ts) is the only runtime role that reaches them; app_user keeps the
-- user directory (id, email, name) that member lists and provisioning need, and nothing else of it.
DO $$ BEGIN
  CREATE ROLE auth_user NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
ALTER ROLE auth_user SET statement_timeout = '15s';
ALTER ROLE auth_user SET idle_in_transaction_session_timeout = '30s';
GRANT USAGE ON SCHEMA public TO auth_user;

-- Password hashes leave the users table, which app_user must read.
CREATE TABLE "user_passwords" (
  "user_id" UUID NOT NULL,
  "hash" TEXT NOT NULL,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "user_passwords_pkey" PRIMARY KEY ("user_id"),
  CONSTRAINT "user_passwords_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "user_passwords" ("user_id", "hash") SELECT "id", "password_hash" FROM "users" WHERE "password_hash" IS NOT NULL;
ALTER TABLE "users" DROP COLUMN "password_hash";

-- The default privileges gave app_user the new table; credentials are auth_user's alone.
REVOKE ALL ON "user_passwords", "sessions", "session_handoffs", "accounts", "verification_tokens" FROM app_user;
GRANT SELECT, INSERT, UPDATE, DELETE
   ON "users", "user_passwords", "sessions", "session_handoffs", "accounts", "verification_tokens" TO auth_user;

-- ─── A user's workspaces, for the session holder only ──────────────────────────────────────────
-- user_workspaces(user_id) answered for any user id in any tenant context, and user ids are
-- readable, so one statement listed every workspace's members and roles. The caller must now hold a
-- live session: its id is known only to the cookie (inside next-auth's encrypted token), and
-- app_user cannot read the sessions table to find one.
DROP FUNCTION user_workspaces(uuid);
CREATE FUNCTION session_workspaces(p_session_id uuid) RETURNS TABLE (slug text, name text, role "role")
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT t.slug, t.name, m.role
      FROM sessions s
      JOIN memberships m ON m.user_id = s.user_id
      JOIN tenants t ON t.id = m.tenant_id
     WHERE s.id = p_session_id AND s.expires > now()
     ORDER BY t.name
  $$;
ALTER FUNCTION session_workspaces(uuid) OWNER TO platform_admin;
REVOKE ALL ON FUNCTION session_workspaces(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION session_workspaces(uuid) TO app_user;
