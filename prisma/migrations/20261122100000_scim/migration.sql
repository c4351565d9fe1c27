-- SCIM 2.0 provisioning per workspace: the identity provider's bearer tokens, the users and groups
-- it pushed, and the role each group maps to (chosen by the workspace's admins). Access itself stays
-- a membership row; these tables remember what the IdP said so it can read it back.

-- ─── Tokens ─────────────────────────────────────────────────────────────────────────────────────
-- Only the SHA-256 of a token is kept: a leaked table cannot be replayed. Revoked rows stay for the
-- audit trail.
CREATE TABLE "scim_tokens" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL DEFAULT current_tenant_id(),
    "token_hash" TEXT NOT NULL,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMPTZ(3),
    "last_used_at" TIMESTAMPTZ(3),

    CONSTRAINT "scim_tokens_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "scim_tokens_tenant_id_token_hash_key" ON "scim_tokens"("tenant_id", "token_hash");
ALTER TABLE "scim_tokens" ADD CONSTRAINT "scim_tokens_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "scim_tokens" ADD CONSTRAINT "scim_tokens_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- ─── Users ──────────────────────────────────────────────────────────────────────────────────────
-- The IdP's view of one person in this workspace; id is the SCIM id it addresses them by. The row
-- outlives a deactivation (active false) so the IdP can reactivate the same resource.
CREATE TABLE "scim_users" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL DEFAULT current_tenant_id(),
    "user_id" UUID NOT NULL,
    "external_id" TEXT,
    "user_name" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "scim_users_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "scim_users_tenant_id_user_id_key" ON "scim_users"("tenant_id", "user_id");
CREATE UNIQUE INDEX "scim_users_tenant_id_user_name_key" ON "scim_users"("tenant_id", "user_name");
CREATE UNIQUE INDEX "scim_users_tenant_id_id_key" ON "scim_users"("tenant_id", "id");
CREATE INDEX "scim_users_user_id_idx" ON "scim_users"("user_id");
ALTER TABLE "scim_users" ADD CONSTRAINT "scim_users_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "scim_users" ADD CONSTRAINT "scim_users_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ─── Groups ─────────────────────────────────────────────────────────────────────────────────────
-- role: the admin's mapping (NULL: the group grants nothing). A member's role is the highest
-- mapped role among their groups; the app never maps a group to owner.
CREATE TABLE "scim_groups" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL DEFAULT current_tenant_id(),
    "display_name" TEXT NOT NULL,
    "external_id" TEXT,
    "role" "role",
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "scim_groups_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "scim_groups_tenant_id_display_name_key" ON "scim_groups"("tenant_id", "display_name");
CREATE UNIQUE INDEX "scim_groups_tenant_id_id_key" ON "scim_groups"("tenant_id", "id");
ALTER TABLE "scim_groups" ADD CONSTRAINT "scim_groups_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Foreign keys include tenant_id (they bypass RLS), so a membership cannot join a group or a user
-- of another workspace; so does the primary key, as every unique index on a tenant table must.
CREATE TABLE "scim_group_members" (
    "tenant_id" UUID NOT NULL DEFAULT current_tenant_id(),
    "group_id" UUID NOT NULL,
    "scim_user_id" UUID NOT NULL,

    CONSTRAINT "scim_group_members_pkey" PRIMARY KEY ("tenant_id", "group_id", "scim_user_id")
);
CREATE INDEX "scim_group_members_tenant_id_scim_user_id_idx" ON "scim_group_members"("tenant_id", "scim_user_id");
ALTER TABLE "scim_group_members" ADD CONSTRAINT "scim_group_members_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "scim_group_members" ADD CONSTRAINT "scim_group_members_tenant_id_group_id_fkey" FOREIGN KEY ("tenant_id", "group_id") REFERENCES "scim_groups"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "scim_group_members" ADD CONSTRAINT "scim_group_members_tenant_id_scim_user_id_fkey" FOREIGN KEY ("tenant_id", "scim_user_id") REFERENCES "scim_users"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ─── Row level security ─────────────────────────────────────────────────────────────────────────
ALTER TABLE "scim_tokens" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "scim_tokens" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "scim_tokens"
  USING ("tenant_id" = (SELECT current_tenant_id())) WITH CHECK ("tenant_id" = (SELECT current_tenant_id()));

ALTER TABLE "scim_users" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "scim_users" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "scim_users"
  USING ("tenant_id" = (SELECT current_tenant_id())) WITH CHECK ("tenant_id" = (SELECT current_tenant_id()));

ALTER TABLE "scim_groups" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "scim_groups" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "scim_groups"
  USING ("tenant_id" = (SELECT current_tenant_id())) WITH CHECK ("tenant_id" = (SELECT current_tenant_id()));

ALTER TABLE "scim_group_members" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "scim_group_members" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "scim_group_members"
  USING ("tenant_id" = (SELECT current_tenant_id())) WITH CHECK ("tenant_id" = (SELECT current_tenant_id()));
