// Billing's writes, as billing_user on its own pool: the only runtime role that stores a workspace's
// billing state, marks usage reported, takes Stripe read tickets and reaches Stripe's records
// (stripe_events, stripe_customers; the billing_role migration). app_user, which runs every tenant
// request, only reads the state and records usage, so a SQL injection in tenant code cannot keep a
// plan that Stripe cancelled. RLS still applies here: billingTenantDb(id) names the workspace in
// every statement, as tenantDb does; billingDb() names none. Import it only from lib/billing
// (tests/architecture holds that line).
import 'server-only';
import { LRUCache } from 'lru-cache';
import type pg from 'pg';
import { env } from '../env';
import type { PrismaClient } from '../generated/prisma/client';
import { createPool } from './app-pool';
import { createAppPrisma } from './prisma';
import { billingDatabaseUrl } from './role-urls';
import { assertTenantId } from './tenant-id';
import { scopeTo, type TenantDb } from './tenant-scope';

// Webhooks, the sync and the jobs run a few short statements each; Stripe is read with no connection
// held. A small pool keeps a webhook burst from crowding out the app's connections.
export const BILLING_POOL_MAX = 5;

let pool: pg.Pool | undefined;
let client: PrismaClient | undefined;
let unscoped: TenantDb | undefined;
const scopes = new LRUCache<string, TenantDb>({ max: 10_000 });

/** billing_user's connections (scripts end it when they finish). */
export function billingPool(): pg.Pool {
  pool ??= createPool(billingDatabaseUrl(env()), BILLING_POOL_MAX);
  return pool;
}

function billingPrisma(): PrismaClient {
  client ??= createAppPrisma(billingPool());
  return client;
}

/** No workspace named: the webhook log, the customer links (all readable here), the read tickets. */
export function billingDb(): TenantDb {
  unscoped ??= scopeTo(billingPrisma(), null);
  return unscoped;
}

/** One workspace's billing, under its tag: its billing state, its usage, its customer link. */
export function billingTenantDb(tenantId: string): TenantDb {
  assertTenantId(tenantId);
  let scope = scopes.get(tenantId);
  if (!scope) {
    scope = scopeTo(billingPrisma(), tenantId);
    scopes.set(tenantId, scope);
  }
  return scope;
}
