// Renames a project, audited in the same transaction. Names stay unique per workspace.
import 'server-only';
import { type AuditActor, recordAuditEvent } from '../audit/record-audit-event';
import type { TenantDb } from '../db/tenant-db';
import { isUniqueViolation } from '../db/unique-violation';
import { type ChangeResult, PROJECT_NOT_FOUND } from './change-result';
import { ProjectId, ProjectName } from './project-fields';

export async function renameProject(
  db: TenantDb,
  actor: AuditActor,
  input: { projectId: string; name: string },
): Promise<ChangeResult> {
  const id = ProjectId.safeParse(input.projectId);
  if (!id.success) return { ok: false, error: PROJECT_NOT_FOUND };
  const name = ProjectName.safeParse(input.name);
  if (!name.success) return { ok: false, field: 'name', error: name.error.issues[0]?.message ?? 'Name the project.' };
  try {
    return await db.$transaction(async (tx): Promise<ChangeResult> => {
      const project = await tx.project.findFirst({ where: { id: id.data }, select: { name: true } });
      if (!project) return { ok: false, error: PROJECT_NOT_FOUND };
      if (project.name === name.data) return { ok: true, name: name.data };
      await tx.project.update({ where: { id: id.data }, data: { name: name.data } });
      await recordAuditEvent(tx, {
        actor,
        action: 'project.renamed',
        target: name.data,
        details: { projectId: id.data, from: project.name },
      });
      return { ok: true, name: name.data };
    });
  } catch (error) {
    if (isUniqueViolation(error))
      return { ok: false, field: 'name', error: `A project named “${name.data}” already exists.` };
    throw error;
  }
}
