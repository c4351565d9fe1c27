// Sessions that must end when what vouched for them changes, for the users of one email domain:
// - the domain leaves a workspace (removed, or its proof is gone): the sessions that workspace's
//   IdP opened for those users, since it no longer speaks for them;
// - SSO becomes required for it: every other session of those users.
import 'server-only';
import { authDb } from '../db/auth-db';

const ofDomains = (domains: string[]) => ({ OR: domains.map((domain) => ({ email: { endsWith: `@${domain}` } })) });

export async function endIdpSessionsForDomain(tenantId: string, domain: string): Promise<void> {
  await authDb().session.deleteMany({ where: { ssoTenantId: tenantId, user: ofDomains([domain]) } });
}

export async function endOtherSessionsForDomains(tenantId: string, domains: string[]): Promise<void> {
  if (domains.length === 0) return;
  await authDb().session.deleteMany({
    where: { OR: [{ ssoTenantId: null }, { ssoTenantId: { not: tenantId } }], user: ofDomains(domains) },
  });
}
