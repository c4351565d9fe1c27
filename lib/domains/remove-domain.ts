// Removing a domain stops its routing at once: the row goes, the database notifies every instance
// (lib/domains/custom-domain-routes.ts), this instance forgets it without waiting, and Edge Config
// (when used) is told.
import 'server-only';
import { tenantDb } from '../db/tenant-db';
import { forgetCustomDomainRoute } from './custom-domain-routes';
import { syncDomainRoute } from './sync-domain-route';

export async function removeDomain(tenantId: string, domainId: string): Promise<boolean> {
  const db = tenantDb(tenantId);
  const domain = await db.domain.findFirst({ where: { id: domainId }, select: { hostname: true } });
  if (!domain) return false;
  await db.domain.delete({ where: { id: domainId } });
  forgetCustomDomainRoute(domain.hostname);
  await syncDomainRoute(domain.hostname);
  return true;
}
