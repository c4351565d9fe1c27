// Platform administration across all tenants, as platform_admin (BYPASSRLS) on its own pool.
// Import it only from platform-admin code and scripts: a tenant route that imports this file has
// left the isolation the rest of the app relies on. Isolation never hangs on a settable flag.
import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import { env } from '../env';
import { PrismaClient } from '../generated/prisma/client';
import { createPool } from './app-pool';
import { platformDatabaseUrl } from './role-urls';

let client: PrismaClient | undefined;

export function platformDb(): PrismaClient {
  client ??= new PrismaClient({ adapter: new PrismaPg(createPool(platformDatabaseUrl(env()), 5)) });
  return client;
}
