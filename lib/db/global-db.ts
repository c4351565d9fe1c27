// Global tables (tenants directory, users, next-auth tables) as app_user with no tenant: through
// this client every tenant table reads as empty and refuses writes. Use tenantDb for those.
import 'server-only';
import { appPrisma } from './prisma';
import { scopeTo, type TenantDb } from './tenant-scope';

let scope: TenantDb | undefined;

export function globalDb(): TenantDb {
  scope ??= scopeTo(appPrisma(), null);
  return scope;
}
