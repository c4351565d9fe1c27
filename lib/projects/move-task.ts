// Moves a task one place up or down its project's list (ascending position, then id: the order
// list-tasks.ts pages through), audited. Moves in one project are serialised by an advisory lock,
// so two at once cannot both read the same neighbour.
import 'server-only';
import { type AuditActor, recordAuditEvent } from '../audit/record-audit-event';
import type { TenantDb } from '../db/tenant-db';
import { type ChangeResult, TASK_NOT_FOUND } from './change-result';
import { TaskId } from './task-fields';

export type MoveDirection = 'up' | 'down';

export async function moveTask(
  db: TenantDb,
  actor: AuditActor,
  input: { taskId: string; direction: MoveDirection },
): Promise<ChangeResult> {
  const id = TaskId.safeParse(input.taskId);
  if (!id.success) return { ok: false, error: TASK_NOT_FOUND };
  const up = input.direction === 'up';
  return db.$transaction(async (tx): Promise<ChangeResult> => {
    const task = await tx.task.findFirst({
      where: { id: id.data },
      select: { id: true, title: true, projectId: true, position: true },
    });
    if (!task) return { ok: false, error: TASK_NOT_FOUND };
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`task-order:${task.projectId}`}))`;
    const [neighbour] = up
      ? await tx.$queryRaw<{ id: string; position: number }[]>`
          SELECT id, position FROM tasks WHERE project_id = ${task.projectId}::uuid
            AND (position, id) < (${task.position}, ${task.id}::uuid)
          ORDER BY position DESC, id DESC LIMIT 1`
      : await tx.$queryRaw<{ id: string; position: number }[]>`
          SELECT id, position FROM tasks WHERE project_id = ${task.projectId}::uuid
            AND (position, id) > (${task.position}, ${task.id}::uuid)
          ORDER BY position, id LIMIT 1`;
    if (!neighbour) return { ok: true, name: task.title }; // already first (or last)
    // Swap places; equal positions (two tasks created at once) are parted by one instead.
    const [mine, theirs] =
      neighbour.position === task.position
        ? [task.position + (up ? -1 : 1), neighbour.position]
        : [neighbour.position, task.position];
    await tx.task.update({ where: { id: task.id }, data: { position: mine } });
    await tx.task.update({ where: { id: neighbour.id }, data: { position: theirs } });
    await recordAuditEvent(tx, {
      actor,
      action: 'task.moved',
      target: task.title,
      details: { taskId: task.id, direction: input.direction },
    });
    return { ok: true, name: task.title };
  });
}
