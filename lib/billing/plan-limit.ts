// The check every code path that adds a member, a project or a custom domain makes, inside its own
// transaction: the workspace's current usage against its plan. Advisory-locked per workspace and
// limit, so two concurrent creates cannot both take the last place. Services call this (not only
// the UI), so server actions, API routes and background jobs are held to the same limits.
import 'server-only';
import type { TenantDb } from '../db/tenant-db';
import { entitlementsOf, type LimitName, limitRefusal } from './entitlements';

type Transaction = Pick<TenantDb, '$executeRaw' | 'membership' | 'invitation' | 'project' | 'domain' | 'billingState'>;

/** Null when one more fits; otherwise a message naming the limit and how to raise it. */
export async function refusalForOneMore(
  tx: Transaction,
  tenantId: string,
  limit: LimitName,
  options: { exceptInvitationTo?: string } = {},
): Promise<string | null> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`plan-limit:${tenantId}:${limit}`}))`;
  // Read in this transaction, not through the cache: no second pooled connection while this one is
  // held (N concurrent writes on cold caches would exhaust a pool of N), and a downgrade binds the
  // very next write whatever an instance's cache still holds.
  const state = await tx.billingState.findFirst({ select: { plan: true, status: true } });
  return limitRefusal(entitlementsOf(state), limit, await used(tx, limit, options));
}

async function used(tx: Transaction, limit: LimitName, options: { exceptInvitationTo?: string }): Promise<number> {
  switch (limit) {
    case 'projects':
      return tx.project.count();
    case 'customDomains':
      return tx.domain.count();
    case 'seats': {
      const pending = await tx.invitation.count({
        where: {
          acceptedAt: null,
          revokedAt: null,
          expiresAt: { gt: new Date() },
          ...(options.exceptInvitationTo ? { email: { not: options.exceptInvitationTo } } : {}),
        },
      });
      return (await tx.membership.count()) + pending;
    }
  }
}
