// Credentials and sessions, as auth_user on its own pool: the only runtime role that can read
// password hashes, session rows, linked OAuth accounts and one-time sign-in tokens (the auth_role
// migration), and the only one that may record a DNS proof (dns_proofs_by_auth_user). app_user,
// which runs every tenant request, can do neither, so a SQL injection or a forgotten filter in
// tenant code leaks no credential and vouches for no domain. Import it only from sign-in code
// (lib/auth, lib/accounts, lib/sso) and the domain check's recorder; tests/architecture holds that
// line. Tenant tables read as empty here and refuse writes.
import 'server-only';
import { LRUCache } from 'lru-cache';
import { env } from '../env';
import type { PrismaClient } from '../generated/prisma/client';
import { createPool } from './app-pool';
import { createAppPrisma } from './prisma';
import { authDatabaseUrl } from './role-urls';
import { assertTenantId } from './tenant-id';
import { scopeTo, type TenantDb } from './tenant-scope';

// Sign-in work is short (a lookup, a hash check, an insert): a small pool is enough, and it keeps
// auth_user's connections from crowding out the app's.
const AUTH_POOL_MAX = 5;

let client: PrismaClient | undefined;
let scope: TenantDb | undefined;
const workspaceScopes = new LRUCache<string, TenantDb>({ max: 1_000 });

function authPrisma(): PrismaClient {
  client ??= createAppPrisma(createPool(authDatabaseUrl(env()), AUTH_POOL_MAX));
  return client;
}

export function authDb(): TenantDb {
  scope ??= scopeTo(authPrisma(), null);
  return scope;
}

/** auth_user naming one workspace: for recording a DNS proof of that workspace's claim, and nothing
 *  else (auth_user has no privilege on tenant tables). */
export function authDbFor(tenantId: string): TenantDb {
  assertTenantId(tenantId);
  let workspace = workspaceScopes.get(tenantId);
  if (!workspace) {
    workspace = scopeTo(authPrisma(), tenantId);
    workspaceScopes.set(tenantId, workspace);
  }
  return workspace;
}
