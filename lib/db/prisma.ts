// The single Prisma client of the web app, as app_user, and its findUnique-guarded twin. Application
// code does not import this file: it uses tenantDb (lib/db/tenant-db.ts) or globalDb
// (lib/db/global-db.ts).
import { PrismaPg } from '@prisma/adapter-pg';
import type pg from 'pg';
import { PrismaClient } from '../generated/prisma/client';
import { appPool } from './app-pool';
import { type GuardedClient, withFindUniqueGuard } from './find-unique-guard';
import { tenantTagging } from './tenant-tagging-adapter';

export type AppPrisma = { base: PrismaClient; guarded: GuardedClient };

export function createAppPrisma(pool: pg.Pool): AppPrisma {
  const base = new PrismaClient({ adapter: tenantTagging(new PrismaPg(pool)) });
  return { base, guarded: withFindUniqueGuard(base) };
}

let client: AppPrisma | undefined;

export function appPrisma(): AppPrisma {
  client ??= createAppPrisma(appPool());
  return client;
}
