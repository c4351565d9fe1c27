// The one way to touch a workspace's data: tenantDb(tenant.id).
//
//   const db = tenantDb(tenant.id);
//   await db.project.findMany();                        // only this tenant's rows (RLS)
//   await db.project.create({ data: { name } });        // tenant_id filled by the column default
//   await db.$transaction(async (tx) => { ... });       // one transaction; a throw rolls it all back
//   await db.$queryRaw`SELECT count(*) FROM tasks`;     // raw SQL is bound too
//
// The tenant id must come from the server (the host's workspace, checked membership), never from
// the client. Scopes are small objects over the one Prisma client, cached per tenant.
import 'server-only';
import { LRUCache } from 'lru-cache';
import { appPrisma } from './prisma';
import { assertTenantId } from './tenant-id';
import { scopeTo, type TenantDb } from './tenant-scope';

export type { TenantDb };

/** The client inside `tenantDb(id).$transaction(async (tx) => …)`, for functions that take it. */
export type TenantTransaction = Parameters<Parameters<TenantDb['$transaction']>[0]>[0];

const scopes = new LRUCache<string, TenantDb>({ max: 10_000 });

export function tenantDb(tenantId: string): TenantDb {
  assertTenantId(tenantId);
  let scope = scopes.get(tenantId);
  if (!scope) {
    scope = scopeTo(appPrisma(), tenantId);
    scopes.set(tenantId, scope);
  }
  return scope;
}
