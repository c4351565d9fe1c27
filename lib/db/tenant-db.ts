// The one way to touch a workspace's data: tenantDb(tenant.id).
//
//   const db = tenantDb(tenant.id);
//   await db.project.findMany();                        // only this tenant's rows (RLS)
//   await db.project.create({ data: { name } });        // tenant_id filled by the column default
//   await db.$transaction(async (tx) => { ... });       // one transaction; a throw rolls it all back
//   await db.$queryRaw`SELECT count(*) FROM tasks`;     // raw SQL is bound too
//
// The tenant id must come from the server (the host's workspace, checked membership), never from
// the client. Scoped clients are cheap wrappers, cached per tenant.
import 'server-only';
import { LRUCache } from 'lru-cache';
import { basePrisma } from './prisma';
import { assertTenantId } from './tenant-id';
import { scopeToTenant, type TenantDb } from './tenant-scope';

const clients = new LRUCache<string, TenantDb>({ max: 10_000 });

export function tenantDb(tenantId: string): TenantDb {
  assertTenantId(tenantId);
  let client = clients.get(tenantId);
  if (!client) {
    client = scopeToTenant(basePrisma(), tenantId);
    clients.set(tenantId, client);
  }
  return client;
}
