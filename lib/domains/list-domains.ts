// A workspace's custom domains for its Domains settings page, oldest first so rows keep their place
// as statuses change. RLS limits the rows to the workspace the client is scoped to.
import 'server-only';
import type { TenantDb } from '../db/tenant-db';
import type { DomainRow } from './describe-domain';

export async function listDomains(db: TenantDb): Promise<DomainRow[]> {
  return db.domain.findMany({
    orderBy: [{ createdAt: 'asc' }, { hostname: 'asc' }],
    select: {
      id: true,
      hostname: true,
      status: true,
      statusReason: true,
      verificationToken: true,
      verifiedAt: true,
      lastCheckedAt: true,
    },
  });
}
