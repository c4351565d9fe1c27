// The single Prisma client of the web app, as app_user over the shared pool. Application code does
// not import this file: it uses tenantDb (lib/db/tenant-db.ts) or globalDb (lib/db/global-db.ts).
import { PrismaPg } from '@prisma/adapter-pg';
import type pg from 'pg';
import { PrismaClient } from '../generated/prisma/client';
import { appPool } from './app-pool';
import { TenantBoundPool } from './tenant-bound-pool';

export function createAppPrisma(pool: pg.Pool): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg(new TenantBoundPool(pool)) });
}

let client: PrismaClient | undefined;

export function basePrisma(): PrismaClient {
  client ??= createAppPrisma(appPool());
  return client;
}
