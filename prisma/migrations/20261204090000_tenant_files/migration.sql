-- Tenant files (docs/decisions/024): task attachments and the workspace logo. The bytes live in
-- object storage (lib/files/); this table is the truth for what exists, whose it is and how much
-- of the plan's storage it takes.

-- The target of files' composite foreign key, so an attachment cannot point at another tenant's task.
CREATE UNIQUE INDEX "tasks_tenant_id_id_key" ON "tasks"("tenant_id", "id");

-- status 'uploading': the row reserves its size against the quota before any byte is stored (the
-- upload's limit); 'stored': the object is complete and size is its real size. The key is built
-- from the row itself, so no client-supplied text can ever become part of a storage path.
CREATE TABLE "files" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL DEFAULT current_tenant_id(),
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "purpose" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'uploading',
    "task_id" UUID,
    "created_by" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "files_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "files_key_is_server_built" CHECK ("key" = 'tenants/' || "tenant_id"::text || '/' || "id"::text),
    CONSTRAINT "files_size_not_negative" CHECK ("size" >= 0),
    CONSTRAINT "files_status_known" CHECK ("status" IN ('uploading', 'stored')),
    CONSTRAINT "files_purpose_known" CHECK (
      ("purpose" = 'task-attachment' AND "task_id" IS NOT NULL) OR ("purpose" = 'logo' AND "task_id" IS NULL)
    )
);
CREATE UNIQUE INDEX "files_tenant_id_key_key" ON "files"("tenant_id", "key");
CREATE INDEX "files_tenant_id_task_id_created_at_idx" ON "files"("tenant_id", "task_id", "created_at");
CREATE INDEX "files_tenant_id_purpose_created_at_idx" ON "files"("tenant_id", "purpose", "created_at");

ALTER TABLE "files" ADD CONSTRAINT "files_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "files" ADD CONSTRAINT "files_tenant_id_task_id_fkey" FOREIGN KEY ("tenant_id", "task_id") REFERENCES "tasks"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "files" ADD CONSTRAINT "files_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "files" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "files" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "files"
  USING ("tenant_id" = (SELECT current_tenant_id())) WITH CHECK ("tenant_id" = (SELECT current_tenant_id()));
