-- Initial schema: global tables, tenant tables with row level security, and the two runtime roles.
-- Applied by scripts/db/migrate.ts as one transaction, run by the database owner.

-- ─── Roles ──────────────────────────────────────────────────────────────────────────────────────
-- app_user: what the web app connects as. Not the owner, not superuser, no BYPASSRLS: every query it
-- runs is filtered by the policies below. platform_admin: BYPASSRLS, for platform administration
-- only, reached through its own URL and pool (lib/db/platform-db.ts). Roles are cluster-wide, hence
-- IF NOT EXISTS; LOGIN and passwords are set by `npm run db:migrate` from the runtime URLs.
DO $$ BEGIN
  CREATE ROLE app_user NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
DO $$ BEGIN
  CREATE ROLE platform_admin NOLOGIN NOSUPERUSER BYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;

-- A runaway query or an abandoned transaction must not hold a pooled connection forever.
ALTER ROLE app_user SET statement_timeout = '15s';
ALTER ROLE app_user SET idle_in_transaction_session_timeout = '30s';

GRANT USAGE ON SCHEMA public TO app_user, platform_admin;
-- Tables the owner creates later get the same grants, so a forker's new table is reachable (and
-- the audit then insists it has RLS).
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO app_user, platform_admin;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO app_user, platform_admin;

-- The tenant the current statement works for, or NULL (then every tenant table reads as empty).
-- The app names the tenant in each statement it sends, as a leading comment added by its database
-- adapter (lib/db/tenant-tagging-adapter.ts): "/* tenant:<uuid> */ SELECT …", or "/* tenant:none */".
-- A statement carries its tenant, so nothing is left behind on a pooled connection and no extra
-- round trip is needed. There is deliberately no fallback to a session setting: one left on a
-- pooled connection would reach the next request's untagged work (e.g. deferred triggers, which
-- run when current_query() is NULL). For psql, start the statement with the same comment.
-- STABLE: constant within a statement; policies wrap it in (SELECT …) so it runs once per statement.
-- PL/pgSQL, not SQL: its expression plans are cached per session, so a call costs microseconds
-- (a SQL function with this body would be planned again in every statement). Fixed offsets, not a
-- regex: "/* tenant:" is 10 characters, a UUID 36, then " */"; a malformed id fails the uuid cast,
-- and with it the statement. Everything is schema-qualified: nothing on the search path can stand in.
CREATE FUNCTION current_tenant_id() RETURNS uuid
  LANGUAGE plpgsql STABLE PARALLEL RESTRICTED
  AS $$
DECLARE
  statement text := pg_catalog.current_query();
BEGIN
  IF pg_catalog.starts_with(statement, '/* tenant:') AND pg_catalog.substr(statement, 47, 3) = ' */' THEN
    RETURN pg_catalog.substr(statement, 11, 36)::pg_catalog.uuid;
  END IF;
  RETURN NULL;
END
$$;

-- Temporary tables could shadow ours for later statements on the same pooled connection.
DO $$ BEGIN
  EXECUTE pg_catalog.format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', pg_catalog.current_database());
END $$;

-- ─── Types ──────────────────────────────────────────────────────────────────────────────────────
CREATE TYPE "role" AS ENUM ('owner', 'admin', 'member');
CREATE TYPE "domain_status" AS ENUM ('pending', 'verified', 'misconfigured');

-- ─── Global tables ──────────────────────────────────────────────────────────────────────────────
CREATE TABLE "tenants" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "plan" TEXT NOT NULL DEFAULT 'free',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "tenants_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "tenants_slug_key" ON "tenants"("slug");

CREATE TABLE "users" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "email_verified" TIMESTAMPTZ(3),
    "image" TEXT,
    "password_hash" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

CREATE TABLE "accounts" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "provider_account_id" TEXT NOT NULL,
    "refresh_token" TEXT,
    "access_token" TEXT,
    "expires_at" INTEGER,
    "token_type" TEXT,
    "scope" TEXT,
    "id_token" TEXT,
    "session_state" TEXT,
    CONSTRAINT "accounts_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "accounts_provider_provider_account_id_key" ON "accounts"("provider", "provider_account_id");
CREATE INDEX "accounts_user_id_idx" ON "accounts"("user_id");

CREATE TABLE "sessions" (
    "id" UUID NOT NULL,
    "session_token" TEXT NOT NULL,
    "user_id" UUID NOT NULL,
    "expires" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "sessions_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "sessions_session_token_key" ON "sessions"("session_token");
CREATE INDEX "sessions_user_id_idx" ON "sessions"("user_id");

CREATE TABLE "verification_tokens" (
    "identifier" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "expires" TIMESTAMPTZ(3) NOT NULL
);
CREATE UNIQUE INDEX "verification_tokens_token_key" ON "verification_tokens"("token");
CREATE UNIQUE INDEX "verification_tokens_identifier_token_key" ON "verification_tokens"("identifier", "token");

-- ─── Tenant tables ──────────────────────────────────────────────────────────────────────────────
CREATE TABLE "memberships" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL DEFAULT current_tenant_id(),
    "user_id" UUID NOT NULL,
    "role" "role" NOT NULL DEFAULT 'member',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "memberships_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "memberships_tenant_id_user_id_key" ON "memberships"("tenant_id", "user_id");
CREATE INDEX "memberships_user_id_idx" ON "memberships"("user_id");

CREATE TABLE "invitations" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL DEFAULT current_tenant_id(),
    "email" TEXT NOT NULL,
    "role" "role" NOT NULL DEFAULT 'member',
    "token_hash" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "accepted_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "invitations_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "invitations_tenant_id_token_hash_key" ON "invitations"("tenant_id", "token_hash");
CREATE INDEX "invitations_tenant_id_email_idx" ON "invitations"("tenant_id", "email");

CREATE TABLE "domains" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL DEFAULT current_tenant_id(),
    "hostname" TEXT NOT NULL,
    "status" "domain_status" NOT NULL DEFAULT 'pending',
    "verification_token" TEXT NOT NULL,
    "status_reason" TEXT,
    "verified_at" TIMESTAMPTZ(3),
    "last_checked_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "domains_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "domains_tenant_id_hostname_key" ON "domains"("tenant_id", "hostname");

CREATE TABLE "projects" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL DEFAULT current_tenant_id(),
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "projects_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "projects_tenant_id_name_key" ON "projects"("tenant_id", "name");
CREATE UNIQUE INDEX "projects_tenant_id_id_key" ON "projects"("tenant_id", "id");
CREATE INDEX "projects_tenant_id_created_at_idx" ON "projects"("tenant_id", "created_at" DESC);

CREATE TABLE "tasks" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL DEFAULT current_tenant_id(),
    "project_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "done" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "tasks_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "tasks_tenant_id_project_id_created_at_idx" ON "tasks"("tenant_id", "project_id", "created_at" DESC);
CREATE INDEX "tasks_tenant_id_created_at_idx" ON "tasks"("tenant_id", "created_at" DESC);

-- ─── Foreign keys ───────────────────────────────────────────────────────────────────────────────
-- Foreign-key checks bypass RLS, so a reference between tenant tables includes tenant_id: a task
-- can only point at a project of its own tenant.
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "domains" ADD CONSTRAINT "domains_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "projects" ADD CONSTRAINT "projects_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_tenant_id_project_id_fkey" FOREIGN KEY ("tenant_id", "project_id") REFERENCES "projects"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ─── Row level security ─────────────────────────────────────────────────────────────────────────
-- ENABLE applies the policies to app_user; FORCE applies them to the owner too. With no tenant,
-- current_tenant_id() is NULL, the comparison is never true, and every tenant table reads as empty.
ALTER TABLE "memberships" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "memberships" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "memberships"
  USING ("tenant_id" = (SELECT current_tenant_id())) WITH CHECK ("tenant_id" = (SELECT current_tenant_id()));

ALTER TABLE "invitations" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "invitations" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "invitations"
  USING ("tenant_id" = (SELECT current_tenant_id())) WITH CHECK ("tenant_id" = (SELECT current_tenant_id()));

ALTER TABLE "domains" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "domains" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "domains"
  USING ("tenant_id" = (SELECT current_tenant_id())) WITH CHECK ("tenant_id" = (SELECT current_tenant_id()));

ALTER TABLE "projects" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "projects" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "projects"
  USING ("tenant_id" = (SELECT current_tenant_id())) WITH CHECK ("tenant_id" = (SELECT current_tenant_id()));

ALTER TABLE "tasks" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "tasks" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "tasks"
  USING ("tenant_id" = (SELECT current_tenant_id())) WITH CHECK ("tenant_id" = (SELECT current_tenant_id()));

-- The workspace directory: anyone may look a workspace up by slug (routing, sign-up checks) and
-- create one (sign-up), but only the workspace itself may change or delete its row.
ALTER TABLE "tenants" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "tenants" FORCE ROW LEVEL SECURITY;
CREATE POLICY "directory_read" ON "tenants" FOR SELECT USING (true);
CREATE POLICY "directory_create" ON "tenants" FOR INSERT WITH CHECK (true);
CREATE POLICY "own_row_update" ON "tenants" FOR UPDATE
  USING ("id" = (SELECT current_tenant_id())) WITH CHECK ("id" = (SELECT current_tenant_id()));
CREATE POLICY "own_row_delete" ON "tenants" FOR DELETE USING ("id" = (SELECT current_tenant_id()));

-- ─── Grants ─────────────────────────────────────────────────────────────────────────────────────
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO app_user, platform_admin;
