// How many requests a workspace may make, by plan (docs/decisions/022): its plan's requests per
// minute, and no more than a sixth of them in any one second, so a flood cannot spend the
// minute's budget in a stampede that would stall the other workspaces. Each is a count per
// workspace id on the same window counter as every other limit (./window-counter.ts: shared
// through Redis, per process while Redis is down); every request counts, served or refused, so a
// flood keeps itself refused. The allowance is read from the workspace's cached entitlements on
// every request, so an upgrade raises it on the very next one.
import 'server-only';
import type { Redis } from 'ioredis';
import { workspaceEntitlements } from '../billing/workspace-entitlements';
import { rateLimitRedis } from './redis-connection';
import { type WindowCount, windowCounter } from './window-counter';

/** The share of a minute's allowance one second may use: Free 100 a second, Pro 1,000. A page
 *  view with its prefetches is tens of requests; 1/20 refused a member clicking through (e2e). */
export const SECOND_SHARE = 1 / 6;

export type TenantRequestVerdict = { limited: false } | { limited: true; retryAfterSeconds: number };

/** The minute window's standing: the plan's allowance, what is left of it, and when it renews. */
export type TenantQuota = { limit: number; remaining: number; resetSeconds: number };

type Options = {
  redis?: Redis | null;
  /** The plan's allowance; tests keep the real one (the entitlements cache). */
  requestsPerMinute?: (tenantId: string) => Promise<number>;
};

const planAllowance = async (tenantId: string) => (await workspaceEntitlements(tenantId)).limits.requestsPerMinute;

export function tenantRequestLimit({ redis = rateLimitRedis(), requestsPerMinute = planAllowance }: Options = {}) {
  const perMinute = windowCounter('tenant-requests', 60, redis);
  const perSecond = windowCounter('tenant-requests:second', 1, redis);
  // Requests without a session: per network within the workspace, so nobody without an account can
  // spend a workspace's budget and lock its members (or its IdP's SCIM calls) out.
  const anonymousPerMinute = windowCounter('tenant-anonymous-requests', 60, redis);
  const anonymousPerSecond = windowCounter('tenant-anonymous-requests:second', 1, redis);

  async function verdict(tenantId: string, counts: Promise<[WindowCount, WindowCount]>) {
    return (await standing(tenantId, counts)).verdict;
  }

  async function standing(tenantId: string, counts: Promise<[WindowCount, WindowCount]>) {
    const [[minute, second], allowed] = await Promise.all([counts, requestsPerMinute(tenantId)]);
    const quota: TenantQuota = {
      limit: allowed,
      remaining: Math.max(0, allowed - minute.count),
      resetSeconds: Math.max(1, Math.ceil(minute.msLeft / 1000)),
    };
    return { verdict: verdictOf(minute, second, allowed), quota };
  }

  function verdictOf(minute: WindowCount, second: WindowCount, allowed: number): TenantRequestVerdict {
    const overMinute = minute.count > allowed;
    const overSecond = second.count > Math.ceil(allowed * SECOND_SHARE);
    if (!overMinute && !overSecond) return { limited: false };
    const msLeft = Math.max(overMinute ? minute.msLeft : 0, overSecond ? second.msLeft : 0);
    return { limited: true, retryAfterSeconds: Math.max(1, Math.ceil(msLeft / 1000)) };
  }

  return {
    /** Counts one request of the workspace; limited once either window holds more than the plan allows. */
    hit: (tenantId: string): Promise<TenantRequestVerdict> =>
      verdict(tenantId, Promise.all([perMinute.hit(tenantId), perSecond.hit(tenantId)])),
    /** As hit, with the minute's standing for the API's RateLimit-* headers. */
    hitWithQuota: (tenantId: string): Promise<{ verdict: TenantRequestVerdict; quota: TenantQuota }> =>
      standing(tenantId, Promise.all([perMinute.hit(tenantId), perSecond.hit(tenantId)])),
    /** Counts one request without a session, from `network`, against its own share of the plan. */
    hitAnonymous: (tenantId: string, network: string): Promise<TenantRequestVerdict> => {
      const key = `${tenantId}|${network}`;
      return verdict(tenantId, Promise.all([anonymousPerMinute.hit(key), anonymousPerSecond.hit(key)]));
    },
    /** Whether `network`'s share is already spent, without counting (the API's check before a key lookup). */
    checkAnonymous: (tenantId: string, network: string): Promise<TenantRequestVerdict> => {
      const key = `${tenantId}|${network}`;
      return verdict(tenantId, Promise.all([anonymousPerMinute.peek(key), anonymousPerSecond.peek(key)]));
    },
    /** The verdict on the request already counted (a server action the proxy let through). */
    check: (tenantId: string): Promise<TenantRequestVerdict> =>
      verdict(tenantId, Promise.all([perMinute.peek(tenantId), perSecond.peek(tenantId)])),
  };
}

let shared: ReturnType<typeof tenantRequestLimit> | undefined;

export function defaultTenantRequestLimit(): ReturnType<typeof tenantRequestLimit> {
  shared ??= tenantRequestLimit();
  return shared;
}
