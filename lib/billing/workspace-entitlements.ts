// A workspace's entitlements on a request path: from PostgreSQL's billing_states through an
// in-process cache that the database invalidates on every change (NOTIFY billing_states).
// The bound: a downgrade reaches every instance with the notice, at once; if a notice is missed
// (the listener reconnecting), a stale entry lives at most ENTITLEMENTS_TTL_MS. So a paid feature
// outlives a downgrade by at most 30 seconds, and usually by a few milliseconds.
import 'server-only';
import { createNotifiedCache } from '../db/notified-cache';
import { tenantDb } from '../db/tenant-db';
import { type Entitlements, entitlementsOf } from './entitlements';

export const ENTITLEMENTS_TTL_MS = 30_000;

const cache = createNotifiedCache<Entitlements>({
  channel: 'billing_states',
  ttlMs: ENTITLEMENTS_TTL_MS,
  async load(tenantId) {
    const state = await tenantDb(tenantId).billingState.findFirst({ select: { plan: true, status: true } });
    return entitlementsOf(state);
  },
});

export function workspaceEntitlements(tenantId: string): Promise<Entitlements> {
  return cache.get(tenantId);
}

/** For the code that changed the billing state: do not wait for the notice to travel. */
export function forgetWorkspaceEntitlements(tenantId: string): void {
  cache.forget(tenantId);
}
