// "Check now" and the scheduled re-check: ask DNS, decide the domain's next status, record it.
// A check DNS could not answer changes nothing, so a resolver outage never unroutes a domain.
import 'server-only';
import { tenantDb } from '../db/tenant-db';
import { checkDomainDns, type DomainResolver } from './check-domain-dns';
import { type DomainStatus, nextStatus } from './next-domain-status';
import { recordDomainCheck } from './record-domain-check';
import { domainResolver, routingTarget } from './routing-target';

export type DomainCheckOutcome = {
  status: DomainStatus;
  reason: string | null;
  changed: boolean;
  displacedTenantId: string | null;
};

export async function checkDomain(
  tenantId: string,
  domainId: string,
  resolver: DomainResolver = domainResolver(),
): Promise<DomainCheckOutcome> {
  const domain = await tenantDb(tenantId).domain.findUniqueOrThrow({
    where: { id: domainId },
    select: { id: true, hostname: true, status: true, statusReason: true, verificationToken: true },
  });
  const check = await checkDomainDns(domain.hostname, domain.verificationToken, routingTarget(), resolver);
  if (check.state === 'unknown') {
    console.warn(`[domains] tenant=${tenantId} ${domain.hostname}: DNS gave no answer (${check.reason}); status kept`);
    return { status: domain.status, reason: domain.statusReason, changed: false, displacedTenantId: null };
  }
  const decision = nextStatus(domain.status, check);
  const publishedTokens = check.state === 'verified' ? check.publishedTokens : [];
  const recorded = await recordDomainCheck(tenantId, domain, decision.status, decision.reason, publishedTokens);
  return {
    status: recorded.current,
    reason: recorded.reason,
    changed: recorded.previous !== recorded.current,
    displacedTenantId: recorded.displacedTenantId,
  };
}
