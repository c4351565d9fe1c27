// One API key may spend at most half of its workspace's plan requests a minute (KEY_SHARE), so a
// runaway script cannot lock the workspace's people and its other scripts out; the workspace's own
// limit (lib/rate-limit/tenant-request-limit.ts) still holds for all of them together. Counted on
// the same window counter as every limit (Redis, per process while it is down).
import 'server-only';
import { workspaceEntitlements } from '../billing/workspace-entitlements';
import { type WindowCounter, windowCounter } from '../rate-limit/window-counter';

export const KEY_SHARE = 1 / 2;

let perKey: WindowCounter | undefined;

/** Counts one request of the key; the seconds to wait when it is over its share, or null. */
export async function limitApiKey(tenantId: string, keyId: string): Promise<number | null> {
  perKey ??= windowCounter('api-key-requests', 60);
  const [count, entitlements] = await Promise.all([perKey.hit(keyId), workspaceEntitlements(tenantId)]);
  const allowed = Math.ceil(entitlements.limits.requestsPerMinute * KEY_SHARE);
  return count.count > allowed ? Math.max(1, Math.ceil(count.msLeft / 1000)) : null;
}
