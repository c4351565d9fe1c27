// Writes the outcome of a DNS check through record_domain_check(), the only way a domain's status
// changes (see the custom_domains and domain_takeover_rule migrations): it verifies ownership by
// tenant and takes a proven hostname over from another workspace once that workspace's own TXT
// record is gone. The workspace that lost it finds the takeover in its audit log.
import 'server-only';
import { recordAuditEvent } from '../audit/record-audit-event';
import { authDbFor } from '../db/auth-db';
import { tenantDb } from '../db/tenant-db';
import { forgetCustomDomainRoute } from './custom-domain-routes';
import { syncDomainRoute } from './sync-domain-route';

export type DomainState = 'pending' | 'verified' | 'misconfigured';

export type RecordedCheck = {
  previous: DomainState;
  current: DomainState;
  /** What the row now says: the checker's reason, or the database's when it decided otherwise. */
  reason: string | null;
  displacedTenantId: string | null;
};

export async function recordDomainCheck(
  tenantId: string,
  domain: { id: string; hostname: string },
  state: DomainState,
  reason: string | null,
  publishedTokens: string[] = [],
): Promise<RecordedCheck> {
  const db = tenantDb(tenantId);
  // Only auth_user may record a DNS verdict: tenant code (app_user) cannot vouch for a domain.
  const rows = await authDbFor(tenantId).$queryRaw<
    { previous_status: DomainState; current_status: DomainState; displaced_tenant_id: string | null }[]
  >`SELECT previous_status::text AS previous_status, current_status::text AS current_status,
           displaced_tenant_id::text AS displaced_tenant_id
      FROM record_domain_check(${domain.id}::uuid, ${state}::domain_status, ${reason}, ${publishedTokens}::text[])`;
  const row = rows[0];
  if (!row) throw new Error(`record_domain_check returned nothing for domain ${domain.id}`);
  if (row.displaced_tenant_id) {
    await recordAuditEvent(tenantDb(row.displaced_tenant_id), {
      actor: null,
      action: 'domain.lost',
      target: domain.hostname,
      details: { reason: 'Another workspace proved through DNS that it controls this domain.' },
    });
  }
  const stored =
    row.current_status === state
      ? reason
      : ((await db.domain.findFirst({ where: { id: domain.id }, select: { statusReason: true } }))?.statusReason ??
        null);
  forgetCustomDomainRoute(domain.hostname);
  // Only a change of route is worth telling Edge Config and the TLS provider (re-checks run often).
  const routeChanged = row.previous_status !== row.current_status || row.displaced_tenant_id !== null;
  if (routeChanged && (row.previous_status === 'verified' || row.current_status === 'verified')) {
    await syncDomainRoute(domain.hostname);
  }
  return {
    previous: row.previous_status,
    current: row.current_status,
    reason: stored,
    displacedTenantId: row.displaced_tenant_id,
  };
}
