// Writes the outcome of a DNS check through record_domain_check(), the only way a domain's status
// changes (see the custom_domains migration): it verifies ownership by tenant and takes a proven
// hostname over from any other workspace.
import 'server-only';
import { tenantDb } from '../db/tenant-db';
import { forgetCustomDomainRoute } from './custom-domain-routes';
import { syncDomainRoute } from './sync-domain-route';

export type DomainState = 'pending' | 'verified' | 'misconfigured';

export type RecordedCheck = { previous: DomainState; current: DomainState; displacedTenantId: string | null };

export async function recordDomainCheck(
  tenantId: string,
  domain: { id: string; hostname: string },
  state: DomainState,
  reason: string | null,
): Promise<RecordedCheck> {
  const rows = await tenantDb(tenantId).$queryRaw<
    { previous_status: DomainState; current_status: DomainState; displaced_tenant_id: string | null }[]
  >`SELECT previous_status::text AS previous_status, current_status::text AS current_status,
           displaced_tenant_id::text AS displaced_tenant_id
      FROM record_domain_check(${domain.id}::uuid, ${state}::domain_status, ${reason})`;
  const row = rows[0];
  if (!row) throw new Error(`record_domain_check returned nothing for domain ${domain.id}`);
  forgetCustomDomainRoute(domain.hostname);
  // Only a change of route is worth telling Edge Config and the TLS provider (re-checks run often).
  const routeChanged = row.previous_status !== row.current_status || row.displaced_tenant_id !== null;
  if (routeChanged && (row.previous_status === 'verified' || row.current_status === 'verified')) {
    await syncDomainRoute(domain.hostname);
  }
  return { previous: row.previous_status, current: row.current_status, displacedTenantId: row.displaced_tenant_id };
}
