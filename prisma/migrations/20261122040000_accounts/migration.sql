-- Accounts: sessions that can be ended everywhere, one-time handoffs to hosts the session cookie
-- cannot reach, an append-only audit log per workspace, look-alike-proof slugs, and the list of a
-- user's workspaces.

-- ─── Sessions ───────────────────────────────────────────────────────────────────────────────────
-- The session cookie holds only a row id here (inside next-auth's encrypted token): deleting the
-- row ends the session wherever the cookie went. host NULL is a main session, valid on the root
-- domain and the hosts its cookie covers; otherwise the row was handed to that one host (a custom
-- domain) and is valid there only, and it ends with its parent.
DROP INDEX "sessions_session_token_key";
ALTER TABLE "sessions" DROP COLUMN "session_token";
ALTER TABLE "sessions" ADD COLUMN "host" TEXT;
ALTER TABLE "sessions" ADD COLUMN "parent_id" UUID;
ALTER TABLE "sessions" ADD COLUMN "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
CREATE INDEX "sessions_parent_id_idx" ON "sessions"("parent_id");
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A handoff: single use (deleted when redeemed), short-lived, for one host, and bound to the
-- browser that asked for it (state_hash matches a cookie set on that host), so a link minted by
-- someone else cannot sign a victim in to the minter's account.
CREATE TABLE "session_handoffs" (
    "token_hash" TEXT NOT NULL,
    "session_id" UUID NOT NULL,
    "host" TEXT NOT NULL,
    "state_hash" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "session_handoffs_pkey" PRIMARY KEY ("token_hash")
);
CREATE INDEX "session_handoffs_session_id_idx" ON "session_handoffs"("session_id");
ALTER TABLE "session_handoffs" ADD CONSTRAINT "session_handoffs_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ─── Workspace slugs ────────────────────────────────────────────────────────────────────────────
-- The look-alike form of the slug, unique: "acrne" cannot sit beside "acme". The app computes it
-- (lib/workspaces/slug-skeleton.ts); this backfill applies the same mapping to existing rows:
-- hyphens dropped, 0 → o, 1 and i → l, then m → rn and w → vv.
ALTER TABLE "tenants" ADD COLUMN "slug_skeleton" TEXT;
UPDATE "tenants" SET "slug_skeleton" = replace(replace(translate(lower("slug"), '01i-', 'oll'), 'm', 'rn'), 'w', 'vv');
ALTER TABLE "tenants" ALTER COLUMN "slug_skeleton" SET NOT NULL;
CREATE UNIQUE INDEX "tenants_slug_skeleton_key" ON "tenants"("slug_skeleton");

-- ─── Audit log ──────────────────────────────────────────────────────────────────────────────────
-- Written in the same transaction as the change it records. The actor's email is copied so the
-- record survives the user's deletion.
CREATE TABLE "audit_events" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL DEFAULT current_tenant_id(),
    "actor_id" UUID,
    "actor_email" TEXT,
    "action" TEXT NOT NULL,
    "target" TEXT,
    "details" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "audit_events_tenant_id_created_at_idx" ON "audit_events"("tenant_id", "created_at" DESC);
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "audit_events" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "audit_events" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "audit_events"
  USING ("tenant_id" = (SELECT current_tenant_id())) WITH CHECK ("tenant_id" = (SELECT current_tenant_id()));
-- Append-only for the app: history cannot be rewritten from a request.
REVOKE UPDATE, DELETE ON "audit_events" FROM app_user;

-- ─── A user's workspaces ────────────────────────────────────────────────────────────────────────
-- Memberships are tenant rows, so no single statement of the app can list one user's memberships
-- across workspaces. This function does, for exactly one user id, which the app takes from the
-- verified session only; it returns no other workspace's data.
CREATE FUNCTION user_workspaces(p_user_id uuid) RETURNS TABLE (slug text, name text, role "role")
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT t.slug, t.name, m.role
      FROM memberships m JOIN tenants t ON t.id = m.tenant_id
     WHERE m.user_id = p_user_id
     ORDER BY t.name
  $$;
ALTER FUNCTION user_workspaces(uuid) OWNER TO platform_admin;
REVOKE ALL ON FUNCTION user_workspaces(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION user_workspaces(uuid) TO app_user;
