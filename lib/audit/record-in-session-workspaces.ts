// One line in the audit log of every workspace a person belongs to, for what concerns each of them
// about the person rather than one workspace (their two-factor protection turning on or off). Their
// workspaces are read through their session, as the switcher does: memberships are tenant rows, and
// session_workspaces() answers only for a live session's id.
import 'server-only';
import { globalDb } from '../db/global-db';
import { tenantDb } from '../db/tenant-db';
import { listSessionWorkspaces } from '../workspaces/list-user-workspaces';
import { type AuditEntry, recordAuditEvent } from './record-audit-event';

export async function recordInSessionWorkspaces(
  sessionId: string,
  userId: string,
  entry: Omit<AuditEntry, 'actor' | 'target'>,
): Promise<void> {
  const slugs = (await listSessionWorkspaces(sessionId)).map((workspace) => workspace.slug);
  if (slugs.length === 0) return;
  const [user, tenants] = await Promise.all([
    globalDb().user.findFirstOrThrow({ where: { id: userId }, select: { id: true, email: true } }),
    globalDb().tenant.findMany({ where: { slug: { in: slugs } }, select: { id: true } }),
  ]);
  await Promise.all(
    tenants.map((tenant) => recordAuditEvent(tenantDb(tenant.id), { ...entry, actor: user, target: user.email })),
  );
}
