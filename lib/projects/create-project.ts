// The example feature's write: a project, audited in the same transaction. Names are unique per
// workspace (projects_tenant_id_name_key), never across workspaces.
import 'server-only';
import { recordAuditEvent } from '../audit/record-audit-event';
import type { TenantDb } from '../db/tenant-db';
import { isUniqueViolation } from '../workspaces/create-workspace';

export type CreateProjectResult = { ok: true; id: string } | { ok: false; field: 'name'; error: string };

export async function createProject(
  db: TenantDb,
  actor: { id: string; email: string },
  name: string,
): Promise<CreateProjectResult> {
  try {
    const project = await db.$transaction(async (tx) => {
      const created = await tx.project.create({ data: { name }, select: { id: true } });
      await recordAuditEvent(tx, { actor, action: 'project.created', target: name });
      return created;
    });
    return { ok: true, id: project.id };
  } catch (error) {
    if (isUniqueViolation(error))
      return { ok: false, field: 'name', error: `A project named “${name}” already exists.` };
    throw error;
  }
}
