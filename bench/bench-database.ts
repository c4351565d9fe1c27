// A benchmark's own fresh, migrated database, its roles' URLs put in the environment before
// anything reads it (lib/env caches the environment). stop() drops the database.
import { databaseServer } from '../scripts/db/database-server';
import { createFreshDatabase, type DatabaseUrls, dropDatabase } from '../scripts/db/fresh-database';

export type BenchDatabase = { urls: DatabaseUrls; stop(): Promise<void> };

export async function benchDatabase(label: string, env: Record<string, string> = {}): Promise<BenchDatabase> {
  const server = await databaseServer('bench');
  const name = `bench_${label}_${process.pid}`;
  const urls = await createFreshDatabase(server.url, name);
  Object.assign(process.env, {
    DATABASE_URL: urls.ownerUrl,
    APP_DATABASE_URL: urls.appUrl,
    AUTH_DATABASE_URL: urls.authUrl,
    BILLING_DATABASE_URL: urls.billingUrl,
    PLATFORM_DATABASE_URL: urls.platformUrl,
    JOB_WORKER_DATABASE_URL: urls.jobWorkerUrl,
    ...env,
  });
  return {
    urls,
    stop: async () => {
      await dropDatabase(server.url, name);
      await server.stop();
    },
  };
}
