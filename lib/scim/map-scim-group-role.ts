// The admin's table: which role a SCIM group gives (admin, member or nothing; never owner). Every
// member's role is derived again in the same transaction, so the change applies on their next
// request. For the settings page, behind the 'scim.manage' permission. The workspace's cached
// counts are forgotten once it commits (a re-derived member can join or leave).
import 'server-only';
import { recordAuditEvent } from '../audit/record-audit-event';
import type { TenantDb } from '../db/tenant-db';
import { forgetWorkspaceCounts } from '../workspaces/workspace-counts';
import { resyncScimUsers } from './resync-scim-users';
import type { ScimRole } from './role-from-groups';
import { lockGroup } from './write-scim-group';

export async function mapScimGroupRole(
  db: TenantDb,
  tenantId: string,
  actor: { id: string; email: string },
  input: { groupId: string; role: ScimRole | null },
): Promise<void> {
  await db.$transaction(async (tx) => {
    const group = await lockGroup(tx, input.groupId);
    await tx.scimGroup.update({ where: { id: input.groupId }, data: { role: input.role } });
    await resyncScimUsers(tx, tenantId, group.memberIds);
    await recordAuditEvent(tx, {
      actor,
      action: 'scim.group.role_mapped',
      target: group.displayName,
      details: { groupId: input.groupId, role: input.role },
    });
  });
  await forgetWorkspaceCounts(tenantId);
}
