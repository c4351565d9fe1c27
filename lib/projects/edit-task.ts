// Changes a task's fields (only those given, and only those that differ), audited in the same
// transaction with the names of the fields that changed. Completing and reopening are this with a
// status (complete-task.ts). An edit that changes nothing writes nothing.
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
  const wanted = { ...fields, ...(dueOn !== undefined && { dueOn: dueOnDate(dueOn) }) };
  try {
    const result = await db.$transaction(async (tx): Promise<ChangeResult<{ name: string; changed: string[] }>> => {
      const task = await tx.task.findFirst({
        where: { id: id.data },
        select: { title: true, description: true, status: true, assigneeId: true, dueOn: true },
      });
      if (!task) return { ok: false, error: TASK_NOT_FOUND };
      const changed = (Object.keys(wanted) as (keyof typeof wanted)[]).filter(
        (field) => !sameValue(wanted[field], task[field]),
      );
      if (changed.length === 0) return { ok: true, name: task.title, changed };
      await tx.task.update({ where: { id: id.data }, data: wanted });
      const title = wanted.title ?? task.title;
      await recordAuditEvent(tx, {
        actor,
        action,
        target: title,
        details: {
          taskId: id.data,
          fields: changed.join(','),
          ...(changed.includes('status') && { from: task.status, to: wanted.status ?? task.status }),
        },
      });
      return { ok: true, name: title, changed };
    });
    if (!result.ok) return result;
    // The workspace home counts open tasks.
    if (result.changed.includes('status')) await forgetWorkspaceCounts(tenantId);
    return { ok: true, name: result.name };
  } catch (error) {
    if (isForeignKeyViolation(error) && fields.assigneeId)
      return { ok: false, field: 'assigneeId', error: ASSIGNEE_NOT_A_MEMBER };
    throw error;
  }
}

function sameValue(a: string | Date | null | undefined, b: string | Date | null): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return (a ?? null) === b;
}
