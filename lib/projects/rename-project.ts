// Renaming a project, audited in the same transaction. Null when the workspace has no such project
// (another workspace's id included); names stay unique per workspace.
import 'server-only';
import { type AuditEntry, recordAuditEvent } from '../audit/record-audit-event';
import type { TenantDb } from '../db/tenant-db';
import { isUniqueViolation } from '../db/unique-violation';

export type RenameProjectResult =
  | { ok: true; project: { id: string; name: string; createdAt: Date } }
  | { ok: false; error: 'not-found' | 'name-taken' };

export async function renameProject(
  db: TenantDb,
  actor: AuditEntry['actor'],
  projectId: string,
  name: string,
): Promise<RenameProjectResult> {
  try {
    return await db.$transaction(async (tx): Promise<RenameProjectResult> => {
      const before = await tx.project.findFirst({ where: { id: projectId }, select: { name: true } });
      if (!before) return { ok: false, error: 'not-found' };
      const project = await tx.project.update({
        where: { id: projectId },
        data: { name },
        select: { id: true, name: true, createdAt: true },
      });
      await recordAuditEvent(tx, { actor, action: 'project.renamed', target: name, details: { from: before.name } });
      return { ok: true, project };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, error: 'name-taken' };
    throw error;
  }
}
