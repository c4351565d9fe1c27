// Whom a workspace's identity provider may speak for, through SSO or SCIM alike: addresses in an
// email domain that workspace has verified (docs/decisions/015). At most one workspace holds a
// verified domain, so an IdP can never name, link, sign in or deprovision another workspace's
// people. Read inside the caller's transaction when it has one.
import 'server-only';
import type { TenantDb } from '../db/tenant-db';
import { domainOfEmail } from './email-domain-name';

export async function speaksForAddress(db: Pick<TenantDb, 'ssoEmailDomain'>, email: string): Promise<boolean> {
  const domain = domainOfEmail(email);
  if (!domain) return false;
  const verified = await db.ssoEmailDomain.findFirst({
    where: { domain, verifiedAt: { not: null } },
    select: { id: true },
  });
  return verified !== null;
}
