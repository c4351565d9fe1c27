// Makes a SCIM user's membership what the IdP says: active → a member with the role its groups map
// to (within the seat limit); inactive → no membership. Owners are never granted, changed or
// removed by SCIM. Runs inside the caller's transaction, with the membership row locked.
import 'server-only';
import { refusalForOneMore } from '../billing/plan-limit';
import type { TenantTransaction } from '../db/tenant-db';
import type { Role } from '../generated/prisma/enums';
import { recordScimAuditEvent } from './record-scim-audit-event';
import { roleFromGroups } from './role-from-groups';
import { ScimFailure } from './scim-failure';

export type MembershipChange = 'added' | 'removed' | 'role_changed' | 'unchanged';

export const OWNER_UNTOUCHABLE = 'This user is an owner of the workspace: SCIM does not deactivate or remove owners.';

type ScimUserRef = { id: string; userId: string; active: boolean; email: string };

export async function syncMembership(
  tx: TenantTransaction,
  tenantId: string,
  scimUser: ScimUserRef,
): Promise<MembershipChange> {
  const [membership] = await tx.$queryRaw<{ id: string; role: Role }[]>`
    SELECT id::text AS id, role::text AS role FROM memberships WHERE user_id = ${scimUser.userId}::uuid FOR UPDATE`;
  const audit = (action: string, details: Record<string, string>) =>
    recordScimAuditEvent(tx, { action, target: scimUser.email, details: { scimUserId: scimUser.id, ...details } });

  if (!scimUser.active) {
    if (!membership) return 'unchanged';
    if (membership.role === 'owner') throw new ScimFailure(400, OWNER_UNTOUCHABLE, 'mutability');
    await tx.membership.delete({ where: { id: membership.id } });
    await audit('scim.member.removed', { role: membership.role });
    return 'removed';
  }

  const groups = await tx.scimGroupMember.findMany({
    where: { scimUserId: scimUser.id },
    select: { group: { select: { role: true } } },
  });
  const role = roleFromGroups(groups.map((member) => member.group.role));
  if (!membership) {
    const refusal = await refusalForOneMore(tx, tenantId, 'seats');
    if (refusal) throw new ScimFailure(403, refusal);
    await tx.membership.create({ data: { userId: scimUser.userId, role } });
    await audit('scim.member.added', { role });
    return 'added';
  }
  if (membership.role === 'owner' || membership.role === role) return 'unchanged';
  await tx.membership.update({ where: { id: membership.id }, data: { role } });
  await audit('scim.member.role_changed', { from: membership.role, to: role });
  return 'role_changed';
}
