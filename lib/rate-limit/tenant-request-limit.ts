// How many requests a workspace may make per minute, by plan (docs/decisions/022): one count per
// workspace id in fixed one-minute windows, on the same window counter as every other limit
// (./window-counter.ts: shared through Redis, per process while Redis is down). The allowance is
// read from the workspace's cached entitlements on every request, so an upgrade raises it on the
// very next one; the count is kept, so the new plan's headroom is there at once.
import 'server-only';
import type { Redis } from 'ioredis';
import { workspaceEntitlements } from '../billing/workspace-entitlements';
import { rateLimitRedis } from './redis-connection';
import { windowCounter } from './window-counter';

const WINDOW_SECONDS = 60;

export type TenantRequestVerdict = { limited: false } | { limited: true; retryAfterSeconds: number };

type Options = {
  redis?: Redis | null;
  /** The plan's allowance; tests keep the real one (the entitlements cache). */
  requestsPerMinute?: (tenantId: string) => Promise<number>;
};

const planAllowance = async (tenantId: string) => (await workspaceEntitlements(tenantId)).limits.requestsPerMinute;

export function tenantRequestLimit({ redis = rateLimitRedis(), requestsPerMinute = planAllowance }: Options = {}) {
  const requests = windowCounter('tenant-requests', WINDOW_SECONDS, redis);

  async function verdict(tenantId: string, counted: Promise<{ count: number; msLeft: number }>) {
    const [{ count, msLeft }, allowed] = await Promise.all([counted, requestsPerMinute(tenantId)]);
    if (count <= allowed) return { limited: false } as const;
    return { limited: true, retryAfterSeconds: Math.max(1, Math.ceil(msLeft / 1000)) } as const;
  }

  return {
    /** Counts one request of the workspace; limited once the window holds more than the plan allows. */
    hit: (tenantId: string): Promise<TenantRequestVerdict> => verdict(tenantId, requests.hit(tenantId)),
    /** The verdict on the request already counted (a server action the proxy let through). */
    check: (tenantId: string): Promise<TenantRequestVerdict> => verdict(tenantId, requests.peek(tenantId)),
  };
}

let shared: ReturnType<typeof tenantRequestLimit> | undefined;

export function defaultTenantRequestLimit(): ReturnType<typeof tenantRequestLimit> {
  shared ??= tenantRequestLimit();
  return shared;
}
