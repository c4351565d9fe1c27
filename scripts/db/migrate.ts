// npm run db:migrate: apply pending migrations as the owner (DATABASE_URL), then let the runtime
// roles log in with the credentials of APP_DATABASE_URL / AUTH_DATABASE_URL /
// BILLING_DATABASE_URL / PLATFORM_DATABASE_URL / JOB_WORKER_DATABASE_URL. The job queue's own schema
// (graphile-worker's) is installed right after ours.

import {
  appDatabaseUrl,
  authDatabaseUrl,
  billingDatabaseUrl,
  jobWorkerDatabaseUrl,
  platformDatabaseUrl,
} from '../../lib/db/role-urls';
import { env } from '../../lib/env';
import { applyMigrations } from './apply-migrations';
import { MIGRATIONS_DIR } from './fresh-database';
import { grantRoleLogins } from './grant-role-logins';
import { installJobQueue } from './install-job-queue';

export async function migrate(): Promise<void> {
  const { DATABASE_URL } = env();
  if (!DATABASE_URL) throw new Error('DATABASE_URL (the owner connection) is required to migrate');
  const applied = await applyMigrations(DATABASE_URL, MIGRATIONS_DIR);
  await installJobQueue(DATABASE_URL);
  const runtimeUrls = [
    appDatabaseUrl,
    authDatabaseUrl,
    billingDatabaseUrl,
    platformDatabaseUrl,
    jobWorkerDatabaseUrl,
  ].map((url) => url(env()));
  await grantRoleLogins(DATABASE_URL, runtimeUrls);
  console.log(applied.length ? `[db] applied ${applied.join(', ')}` : '[db] migrations up to date');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  migrate().catch((error: unknown) => {
    console.error(`[db] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
