// Ends one person's access to one workspace, not to their others (SCIM deactivation): the sessions
// that workspace's IdP opened (sso_tenant_id; their handed children die with them) and the sessions
// handed to that workspace's own hosts. A plain main session also serves the person's other
// workspaces, so it stays: the removed membership already shuts this one (read on every request).
import 'server-only';
import { authDb } from '../db/auth-db';
import { tenantDb } from '../db/tenant-db';
import { workspaceHost } from '../workspaces/workspace-url';

export async function endWorkspaceSessionsOf(userId: string, tenant: { id: string; slug: string }): Promise<void> {
  const domains = await tenantDb(tenant.id).domain.findMany({
    where: { status: 'verified' },
    select: { hostname: true },
  });
  const hosts = [workspaceHost(tenant.slug), ...domains.map((domain) => domain.hostname)];
  await authDb().session.deleteMany({
    where: { userId, OR: [{ ssoTenantId: tenant.id }, { host: { in: hosts } }] },
  });
}
