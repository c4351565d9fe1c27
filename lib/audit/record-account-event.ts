// Account-level changes (two-factor authentication on or off, new recovery codes, a recovery code
// used) belong to no one workspace, yet each workspace's admins should see that a member's sign-in
// protection changed: the event is written to every workspace the person belongs to
// (docs/decisions/018). Their workspaces are read through the session, as the switcher does.
import 'server-only';
import { globalDb } from '../db/global-db';
import { tenantDb } from '../db/tenant-db';
import { listSessionWorkspaces } from '../workspaces/list-user-workspaces';
import { type AuditActor, type AuditEntry, recordAuditEvent } from './record-audit-event';

export async function recordAccountEvent(
  sessionId: string,
  actor: AuditActor,
  entry: Omit<AuditEntry, 'actor'>,
): Promise<void> {
  const slugs = (await listSessionWorkspaces(sessionId)).map((workspace) => workspace.slug);
  if (slugs.length === 0) return;
  const tenants = await globalDb().tenant.findMany({ where: { slug: { in: slugs } }, select: { id: true } });
  await Promise.all(
    tenants.map((tenant) => recordAuditEvent(tenantDb(tenant.id), { ...entry, actor, target: actor.email })),
  );
}
