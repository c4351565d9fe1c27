-- The example domain, complete (docs/decisions/026): tasks get a description, a status (todo /
-- doing / done, from the old done flag), an assignee, a due date and a position; projects can be
-- archived. The indexes serve the task list's keyset pages and its filters (lib/projects/list-tasks.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TYPE "task_status" AS ENUM ('todo', 'doing', 'done');

ALTER TABLE "projects" ADD COLUMN "archived_at" TIMESTAMPTZ(3);

ALTER TABLE "tasks"
  ADD COLUMN "description" TEXT NOT NULL DEFAULT '',
  ADD COLUMN "status" "task_status" NOT NULL DEFAULT 'todo',
  ADD COLUMN "assignee_id" UUID,
  ADD COLUMN "due_on" DATE,
  ADD COLUMN "position" INTEGER NOT NULL DEFAULT 0;

-- The owner applies migrations; FORCE would confine its updates to no tenant (zero rows). Lifted for
-- these two statements of this transaction only.
ALTER TABLE "tasks" NO FORCE ROW LEVEL SECURITY;
UPDATE "tasks" SET "status" = 'done' WHERE "done";
-- The order the project page showed: oldest first.
UPDATE "tasks" SET "position" = ordered.n
  FROM (SELECT "id", row_number() OVER (PARTITION BY "tenant_id", "project_id" ORDER BY "created_at", "title", "id") AS n
          FROM "tasks") AS ordered
 WHERE "tasks"."id" = ordered."id";
ALTER TABLE "tasks" FORCE ROW LEVEL SECURITY;
ALTER TABLE "tasks" DROP COLUMN "done";

-- The assignee is a member of the task's own workspace, proven by the database: a foreign key on
-- (tenant_id, assignee_id) to memberships (tenant_id, user_id). Foreign-key checks bypass RLS, so
-- without tenant_id in the key another workspace's user id would pass. When the member leaves, only
-- assignee_id is cleared (tenant_id stays).
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_tenant_id_assignee_id_fkey" FOREIGN KEY ("tenant_id", "assignee_id")
  REFERENCES "memberships"("tenant_id", "user_id") ON DELETE SET NULL ("assignee_id") ON UPDATE CASCADE;

CREATE INDEX "tasks_tenant_id_project_id_position_id_idx" ON "tasks"("tenant_id", "project_id", "position", "id");
CREATE INDEX "tasks_tenant_id_project_id_status_position_id_idx" ON "tasks"("tenant_id", "project_id", "status", "position", "id");
CREATE INDEX "tasks_tenant_id_assignee_id_idx" ON "tasks"("tenant_id", "assignee_id");
CREATE INDEX "tasks_title_idx" ON "tasks" USING GIN ("title" gin_trgm_ops);
