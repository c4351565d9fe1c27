-- The workspace a person last used (issue 14: signing in lands there). Written only after the
-- workspace's layout found them a member, and followed only if they still are one
-- (lib/auth/sign-in-landing.ts). A table of auth_user's alone: app_user reads the user
-- directory in every tenant's context, and which workspace a person last used is another
-- workspace's business. Named workspace_id, not tenant_id: this is a global table, not tenant data.
CREATE TABLE "user_last_workspaces" (
    "user_id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "user_last_workspaces_pkey" PRIMARY KEY ("user_id"),
    CONSTRAINT "user_last_workspaces_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "user_last_workspaces_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "user_last_workspaces_workspace_id_idx" ON "user_last_workspaces"("workspace_id");

REVOKE ALL ON "user_last_workspaces" FROM app_user;
GRANT SELECT, INSERT, UPDATE, DELETE ON "user_last_workspaces" TO auth_user;
