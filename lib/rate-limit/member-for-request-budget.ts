// Whether a signed-in user is a member of the workspace whose host they ask, for proxy.ts's
// per-workspace budget (./workspace-request-limit.ts): only members spend it, everyone else their
// network's share. The token says who the user is, not where they belong (sign-up is open, and on a
// shared root cookie every account's token reaches every workspace's host), so the database says
// it: one indexed lookup, then in process for a minute, yes or no. A member added a moment ago
// counts by network until then, one removed spends the budget until then: both only move whose
// budget a request spends, never what it may see (the page checks the membership itself).
import 'server-only';
import { LRUCache } from 'lru-cache';
import { tenantDb } from '../db/tenant-db';

const answers = new LRUCache<string, boolean>({ max: 50_000, ttl: 60_000 });

export async function isMemberForRequestBudget(tenantId: string, userId: string): Promise<boolean> {
  const key = `${tenantId}:${userId}`;
  const cached = answers.get(key);
  if (cached !== undefined) return cached;
  try {
    const membership = await tenantDb(tenantId).membership.findFirst({ where: { userId }, select: { id: true } });
    answers.set(key, membership !== null);
    return membership !== null;
  } catch (error) {
    // The database busy or down: count the request by network (still counted), and ask again next time.
    // Letting it through uncounted would lift the limit exactly when the database is under load.
    console.error(`[rate-limit] membership of a user in ${tenantId} not known; counting by network:`, error);
    return false;
  }
}
