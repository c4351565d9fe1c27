// Changes a task's fields (only those given), audited in the same transaction with the names of the
// fields that changed. Completing and reopening are this with a status (complete-task.ts).
import 'server-only';
import { type AuditActor, recordAuditEvent } from '../audit/record-audit-event';
import { isForeignKeyViolation } from '../db/foreign-key-violation';
import type { TenantDb } from '../db/tenant-db';
import { forgetWorkspaceCounts } from '../workspaces/workspace-counts';
import { type ChangeResult, TASK_NOT_FOUND } from './change-result';
import { ASSIGNEE_NOT_A_MEMBER, checkTaskFields, dueOnDate, type TaskFieldValues, TaskId } from './task-fields';

export type TaskEdit = { taskId: string } & Partial<TaskFieldValues>;

export async function editTask(
  db: TenantDb,
  tenantId: string,
  actor: AuditActor,
  input: TaskEdit,
  action = 'task.edited',
): Promise<ChangeResult> {
  const id = TaskId.safeParse(input.taskId);
  if (!id.success) return { ok: false, error: TASK_NOT_FOUND };
  const { taskId: _, ...given } = input;
  const checked = checkTaskFields(given);
  if (!checked.ok) return checked;
  const { dueOn, ...fields } = checked.fields;
  const changed = Object.keys(checked.fields);
  try {
    const result = await db.$transaction(async (tx): Promise<ChangeResult> => {
      // updateMany: zero rows for an unknown id, or another workspace's (RLS), instead of a throw.
      const { count } = await tx.task.updateMany({
        where: { id: id.data },
        data: { ...fields, ...(dueOn !== undefined && { dueOn: dueOnDate(dueOn) }) },
      });
      if (count === 0) return { ok: false, error: TASK_NOT_FOUND };
      const task = await tx.task.findFirstOrThrow({ where: { id: id.data }, select: { title: true } });
      await recordAuditEvent(tx, {
        actor,
        action,
        target: task.title,
        details: { taskId: id.data, fields: changed.join(','), ...(fields.status && { status: fields.status }) },
      });
      return { ok: true, name: task.title };
    });
    // The workspace home counts open tasks.
    if (result.ok && fields.status) await forgetWorkspaceCounts(tenantId);
    return result;
  } catch (error) {
    if (isForeignKeyViolation(error) && fields.assigneeId)
      return { ok: false, field: 'assigneeId', error: ASSIGNEE_NOT_A_MEMBER };
    throw error;
  }
}
