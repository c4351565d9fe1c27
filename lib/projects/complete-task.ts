// The one-click checkbox: done, or back to do. An edit of the status with its own audit action, so
// the log reads "completed" and "reopened".
import 'server-only';
import type { AuditActor } from '../audit/record-audit-event';
import type { TenantDb } from '../db/tenant-db';
import type { ChangeResult } from './change-result';
import { editTask } from './edit-task';

export function completeTask(
  db: TenantDb,
  tenantId: string,
  actor: AuditActor,
  input: { taskId: string },
): Promise<ChangeResult> {
  return editTask(db, tenantId, actor, { taskId: input.taskId, status: 'done' }, 'task.completed');
}

export function reopenTask(
  db: TenantDb,
  tenantId: string,
  actor: AuditActor,
  input: { taskId: string },
): Promise<ChangeResult> {
  return editTask(db, tenantId, actor, { taskId: input.taskId, status: 'todo' }, 'task.reopened');
}
