// Credentials and sessions, as auth_user on its own pool: the only runtime role that can read
// password hashes, session rows, linked OAuth accounts and one-time sign-in tokens (the auth_role
// migration). app_user, which runs every tenant request, cannot, so a SQL injection or a forgotten
// filter in tenant code leaks none of them. Import it only from sign-in code (lib/auth, lib/accounts,
// lib/sso); tests/architecture holds that line. Tenant tables read as empty here and refuse writes.
import 'server-only';
import { env } from '../env';
import { createPool } from './app-pool';
import { createAppPrisma } from './prisma';
import { authDatabaseUrl } from './role-urls';
import { scopeTo, type TenantDb } from './tenant-scope';

let scope: TenantDb | undefined;

export function authDb(): TenantDb {
  scope ??= scopeTo(createAppPrisma(createPool(authDatabaseUrl(env()), AUTH_POOL_MAX)), null);
  return scope;
}

// Sign-in work is short (a lookup, a hash check, an insert): a small pool is enough, and it keeps
// auth_user's connections from crowding out the app's.
const AUTH_POOL_MAX = 5;
