// Removing a domain stops its routing at once: the row goes, the database notifies every instance
// (lib/domains/custom-domain-routes.ts), and this instance forgets it without waiting.
import 'server-only';
import { tenantDb } from '../db/tenant-db';
import { forgetCustomDomainRoute } from './custom-domain-routes';

export async function removeDomain(tenantId: string, domainId: string): Promise<boolean> {
  const db = tenantDb(tenantId);
  const domain = await db.domain.findFirst({ where: { id: domainId }, select: { hostname: true } });
  if (!domain) return false;
  await db.domain.delete({ where: { id: domainId } });
  forgetCustomDomainRoute(domain.hostname);
  return true;
}
