-- "Export this project as CSV" (lib/projects/export/): a member asks, a background job builds the
-- file and reports its progress here, the page shows it and offers the download when done.
CREATE TYPE "project_export_status" AS ENUM ('queued', 'running', 'done', 'failed');

CREATE TABLE "project_exports" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL DEFAULT current_tenant_id(),
    "project_id" UUID NOT NULL,
    "requested_by_id" UUID NOT NULL,
    "status" "project_export_status" NOT NULL DEFAULT 'queued',
    "rows_done" INTEGER NOT NULL DEFAULT 0,
    "rows_total" INTEGER,
    "csv" TEXT,
    "error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    CONSTRAINT "project_exports_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "project_exports_tenant_id_project_id_created_at_idx" ON "project_exports"("tenant_id", "project_id", "created_at" DESC);
CREATE INDEX "project_exports_requested_by_id_idx" ON "project_exports"("requested_by_id");
ALTER TABLE "project_exports" ADD CONSTRAINT "project_exports_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "project_exports" ADD CONSTRAINT "project_exports_tenant_id_project_id_fkey" FOREIGN KEY ("tenant_id", "project_id") REFERENCES "projects"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "project_exports" ADD CONSTRAINT "project_exports_requested_by_id_fkey" FOREIGN KEY ("requested_by_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "project_exports" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "project_exports" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "project_exports"
  USING ("tenant_id" = (SELECT current_tenant_id())) WITH CHECK ("tenant_id" = (SELECT current_tenant_id()));
