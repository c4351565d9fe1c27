// Global tables (tenants directory, users, next-auth tables) as app_user with no tenant bound.
// Through this client every tenant table reads as empty and refuses writes: use tenantDb for those.
import 'server-only';
import { basePrisma } from './prisma';

export function globalDb() {
  return basePrisma();
}
