// Removes a member from the workspace, under the owner rules (last-owner-guard.ts), with its audit
// line in the same transaction. Their sessions stay: membership is read on every request, so the
// removal applies to their very next one. The workspace's cached counts are forgotten once it commits.
import 'server-only';
import { recordAuditEvent } from '../audit/record-audit-event';
import type { TenantDb } from '../db/tenant-db';
import { forgetWorkspaceCounts } from '../workspaces/workspace-counts';
import { guardOwnerChange, type MemberActor } from './last-owner-guard';

export type RemoveMemberResult = { ok: true; email: string } | { ok: false; error: string };

export async function removeMember(
  db: TenantDb,
  tenantId: string,
  actor: MemberActor,
  input: { membershipId: string },
): Promise<RemoveMemberResult> {
  const result = await db.$transaction(async (tx): Promise<RemoveMemberResult> => {
    const guard = await guardOwnerChange(tx, actor, input.membershipId, null);
    if (!guard.ok) return guard;
    const { target } = guard;
    await tx.membership.delete({ where: { id: target.id } });
    await recordAuditEvent(tx, {
      actor: { id: actor.id, email: actor.email },
      action: 'member.removed',
      target: target.email,
      details: { membershipId: target.id, role: target.role },
    });
    return { ok: true, email: target.email };
  });
  if (result.ok) await forgetWorkspaceCounts(tenantId);
  return result;
}
