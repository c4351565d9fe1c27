// Re-checks every custom domain's DNS and every claimed SSO email domain, each as its own workspace
// (see scripts/jobs/recheck-domains.ts for why). A platform job: cron runs it in the worker.
import { platformDb } from '../../../lib/db/platform-db';
import { checkDomain } from '../../../lib/domains/check-domain';
import { checkEmailDomain } from '../../../lib/sso/check-email-domain';

export async function recheckAllDomains(): Promise<void> {
  const domains = await platformDb().domain.findMany({
    select: { id: true, tenantId: true, hostname: true },
    orderBy: { lastCheckedAt: { sort: 'asc', nulls: 'first' } },
  });
  let changed = 0;
  for (const domain of domains) {
    try {
      const outcome = await checkDomain(domain.tenantId, domain.id);
      if (outcome.changed) {
        changed++;
        console.log(
          `[domains] tenant=${domain.tenantId} ${domain.hostname} → ${outcome.status}: ${outcome.reason ?? ''}`,
        );
      }
    } catch (error) {
      console.error(`[domains] tenant=${domain.tenantId} ${domain.hostname}: check failed:`, error);
    }
  }
  console.log(`[domains] checked ${domains.length} domain(s), ${changed} changed`);
  await recheckEmailDomains();
}

async function recheckEmailDomains(): Promise<void> {
  const claims = await platformDb().ssoEmailDomain.findMany({
    select: { id: true, tenantId: true, domain: true, verifiedAt: true },
    orderBy: { lastCheckedAt: { sort: 'asc', nulls: 'first' } },
  });
  let changed = 0;
  for (const claim of claims) {
    try {
      const outcome = await checkEmailDomain(claim.tenantId, null, claim.id);
      if (outcome && outcome.verified !== (claim.verifiedAt !== null)) {
        changed++;
        console.log(`[sso] tenant=${claim.tenantId} email domain ${claim.domain} → verified=${outcome.verified}`);
      }
    } catch (error) {
      console.error(`[sso] tenant=${claim.tenantId} email domain ${claim.domain}: check failed:`, error);
    }
  }
  console.log(`[sso] checked ${claims.length} email domain(s), ${changed} changed`);
}
