// Deletes a project with its tasks, their attachments and exports (the foreign keys cascade),
// audited in the same transaction. Only admins may (lib/auth/permissions.ts: projects.delete).
import 'server-only';
import { type AuditActor, recordAuditEvent } from '../audit/record-audit-event';
import type { TenantDb } from '../db/tenant-db';
import type { FileStorage } from '../files/file-storage';
import { forgetWorkspaceCounts } from '../workspaces/workspace-counts';
import { attachmentKeys, removeObjects } from './attachment-keys';
import { type ChangeResult, PROJECT_NOT_FOUND } from './change-result';
import { ProjectId } from './project-fields';

export async function deleteProject(
  db: TenantDb,
  storage: FileStorage,
  tenantId: string,
  actor: AuditActor,
  input: { projectId: string },
): Promise<ChangeResult> {
  const id = ProjectId.safeParse(input.projectId);
  if (!id.success) return { ok: false, error: PROJECT_NOT_FOUND };
  const result = await db.$transaction(async (tx): Promise<ChangeResult<{ name: string; keys: string[] }>> => {
    const project = await tx.project.findFirst({ where: { id: id.data }, select: { name: true } });
    if (!project) return { ok: false, error: PROJECT_NOT_FOUND };
    const keys = await attachmentKeys(tx, { projectId: id.data });
    const tasks = await tx.task.count({ where: { projectId: id.data } });
    await tx.project.delete({ where: { id: id.data } });
    await recordAuditEvent(tx, {
      actor,
      action: 'project.deleted',
      target: project.name,
      details: { projectId: id.data, tasks },
    });
    return { ok: true, name: project.name, keys };
  });
  if (!result.ok) return result;
  await forgetWorkspaceCounts(tenantId);
  await removeObjects(storage, result.keys);
  return { ok: true, name: result.name };
}
