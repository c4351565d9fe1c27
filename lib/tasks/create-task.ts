// A task in one of the workspace's projects, audited in the same transaction. Null when the
// workspace has no such project: the project is read through the workspace's own client, so
// another workspace's project id finds nothing (and the composite foreign key would refuse it).
import 'server-only';
import { type AuditEntry, recordAuditEvent } from '../audit/record-audit-event';
import type { TenantDb } from '../db/tenant-db';
import { forgetWorkspaceCounts } from '../workspaces/workspace-counts';

export type TaskRow = { id: string; projectId: string; title: string; done: boolean; createdAt: Date };
export const TASK_COLUMNS = { id: true, projectId: true, title: true, done: true, createdAt: true } as const;

export async function createTask(
  db: TenantDb,
  tenantId: string,
  actor: AuditEntry['actor'],
  task: { projectId: string; title: string; done: boolean },
): Promise<TaskRow | null> {
  const created = await db.$transaction(async (tx) => {
    const project = await tx.project.findFirst({ where: { id: task.projectId }, select: { id: true } });
    if (!project) return null;
    const row = await tx.task.create({ data: task, select: TASK_COLUMNS });
    await recordAuditEvent(tx, { actor, action: 'task.created', target: task.title, details: { taskId: row.id } });
    return row;
  });
  if (created) await forgetWorkspaceCounts(tenantId);
  return created;
}
