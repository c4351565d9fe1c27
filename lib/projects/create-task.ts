// Adds a task at the top of its project, audited in the same transaction. The assignee must be a
// member of this workspace: the database proves it (tasks_tenant_id_assignee_id_fkey), whatever
// id a form sent.
import 'server-only';
import { type AuditActor, recordAuditEvent } from '../audit/record-audit-event';
import { isForeignKeyViolation } from '../db/foreign-key-violation';
import type { TenantDb } from '../db/tenant-db';
import { forgetWorkspaceCounts } from '../workspaces/workspace-counts';
import { type ChangeResult, PROJECT_NOT_FOUND } from './change-result';
import { ProjectId } from './project-fields';
import { ASSIGNEE_NOT_A_MEMBER, checkTaskFields, dueOnDate, type TaskFieldValues } from './task-fields';

export type NewTask = { projectId: string; title: string } & Partial<Omit<TaskFieldValues, 'title'>>;

export async function createTask(
  db: TenantDb,
  tenantId: string,
  actor: AuditActor,
  input: NewTask,
): Promise<ChangeResult<{ name: string; id: string }>> {
  const projectId = ProjectId.safeParse(input.projectId);
  if (!projectId.success) return { ok: false, error: PROJECT_NOT_FOUND };
  const { projectId: _, ...given } = input;
  const checked = checkTaskFields(given);
  if (!checked.ok) return checked;
  const { title = '', dueOn, ...fields } = checked.fields;
  try {
    const result = await db.$transaction(async (tx): Promise<ChangeResult<{ name: string; id: string }>> => {
      const project = await tx.project.findFirst({ where: { id: projectId.data }, select: { id: true } });
      if (!project) return { ok: false, error: PROJECT_NOT_FOUND };
      const first = await tx.task.aggregate({ where: { projectId: project.id }, _min: { position: true } });
      const created = await tx.task.create({
        data: {
          projectId: project.id,
          title,
          ...fields,
          dueOn: dueOnDate(dueOn),
          position: (first._min.position ?? 1) - 1,
        },
        select: { id: true },
      });
      await recordAuditEvent(tx, { actor, action: 'task.created', target: title, details: { taskId: created.id } });
      return { ok: true, name: title, id: created.id };
    });
    if (result.ok) await forgetWorkspaceCounts(tenantId);
    return result;
  } catch (error) {
    if (isForeignKeyViolation(error) && fields.assigneeId)
      return { ok: false, field: 'assigneeId', error: ASSIGNEE_NOT_A_MEMBER };
    throw error;
  }
}
