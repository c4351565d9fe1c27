-- The workspace home's "due soon" (lib/projects/list-tasks-due-soon.ts): a workspace's tasks by due
-- date, so the five nearest are an index range scan however many tasks it has.
CREATE INDEX "tasks_tenant_id_due_on_idx" ON "tasks"("tenant_id", "due_on");
