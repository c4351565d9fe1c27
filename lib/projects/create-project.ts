// The example feature's write: a project, audited in the same transaction. Names are unique per
// workspace (projects_tenant_id_name_key), never across workspaces.
import 'server-only';
import { recordAuditEvent } from '../audit/record-audit-event';
import { refusalForOneMore } from '../billing/plan-limit';
import { recordUsage } from '../billing/record-usage';
import type { TenantDb } from '../db/tenant-db';
import { isUniqueViolation } from '../db/unique-violation';
import { forgetWorkspaceCounts } from '../workspaces/workspace-counts';

export type CreateProjectResult = { ok: true; id: string } | { ok: false; field?: 'name'; error: string };

export async function createProject(
  db: TenantDb,
  tenantId: string,
  actor: { id: string | null; email: string },
  name: string,
): Promise<CreateProjectResult> {
  try {
    const result = await db.$transaction(async (tx): Promise<CreateProjectResult> => {
      const refusal = await refusalForOneMore(tx, tenantId, 'projects');
      if (refusal) return { ok: false, error: refusal };
      const created = await tx.project.create({ data: { name }, select: { id: true } });
      await recordAuditEvent(tx, { actor, action: 'project.created', target: name });
      // A billable event (reported to Stripe's meter by `npm run jobs:report-usage`).
      await recordUsage(tx, 'projects_created');
      return { ok: true, id: created.id };
    });
    // After the commit, so no reader can cache the count from before it.
    if (result.ok) await forgetWorkspaceCounts(tenantId);
    return result;
  } catch (error) {
    if (isUniqueViolation(error))
      return { ok: false, field: 'name', error: `A project named “${name}” already exists.` };
    throw error;
  }
}
