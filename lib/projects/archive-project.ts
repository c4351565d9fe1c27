// Archives a project (hidden from the projects list unless asked for; its tasks stay and can still
// be opened) or brings it back. An archived project still counts against the plan's project limit:
// archiving is not a way around it.
import 'server-only';
import { type AuditActor, recordAuditEvent } from '../audit/record-audit-event';
import type { TenantDb } from '../db/tenant-db';
import { type ChangeResult, PROJECT_NOT_FOUND } from './change-result';
import { ProjectId } from './project-fields';

export async function archiveProject(
  db: TenantDb,
  actor: AuditActor,
  input: { projectId: string; archived: boolean },
): Promise<ChangeResult> {
  const id = ProjectId.safeParse(input.projectId);
  if (!id.success) return { ok: false, error: PROJECT_NOT_FOUND };
  return db.$transaction(async (tx): Promise<ChangeResult> => {
    const project = await tx.project.findFirst({ where: { id: id.data }, select: { name: true, archivedAt: true } });
    if (!project) return { ok: false, error: PROJECT_NOT_FOUND };
    if ((project.archivedAt !== null) === input.archived) return { ok: true, name: project.name };
    await tx.project.update({ where: { id: id.data }, data: { archivedAt: input.archived ? new Date() : null } });
    await recordAuditEvent(tx, {
      actor,
      action: input.archived ? 'project.archived' : 'project.unarchived',
      target: project.name,
      details: { projectId: id.data },
    });
    return { ok: true, name: project.name };
  });
}
