// The single Prisma client of the web app, as app_user. Application code does not import this
// file: it uses tenantDb (lib/db/tenant-db.ts) or globalDb (lib/db/global-db.ts).
import { PrismaPg } from '@prisma/adapter-pg';
import type pg from 'pg';
import { PrismaClient } from '../generated/prisma/client';
import { appPool } from './app-pool';
import { tenantTagging } from './tenant-tagging-adapter';

export function createAppPrisma(pool: pg.Pool): PrismaClient {
  return new PrismaClient({ adapter: tenantTagging(new PrismaPg(pool)) });
}

let client: PrismaClient | undefined;

export function appPrisma(): PrismaClient {
  client ??= createAppPrisma(appPool());
  return client;
}
