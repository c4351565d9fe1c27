// A new, migrated database on a server, with the URLs of its roles. Tests and benchmarks each
// get their own, so they never touch a developer's data and can run side by side.
import path from 'node:path';
import { APP_ROLE, AUTH_ROLE, BILLING_ROLE, JOB_WORKER_ROLE, PLATFORM_ROLE, withRole } from '../../lib/db/role-urls';
import { applyMigrations } from './apply-migrations';
import { databaseUrl } from './database-server';
import { grantRoleLogins } from './grant-role-logins';
import { installJobQueue } from './install-job-queue';
import { withClient } from './with-client';

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../prisma/migrations');

export type DatabaseUrls = {
  ownerUrl: string;
  appUrl: string;
  authUrl: string;
  billingUrl: string;
  platformUrl: string;
  jobWorkerUrl: string;
};

export async function createFreshDatabase(serverUrl: string, name: string): Promise<DatabaseUrls> {
  await recreateDatabase(serverUrl, name);
  const ownerUrl = databaseUrl(serverUrl, name);
  const urls = {
    ownerUrl,
    appUrl: withRole(ownerUrl, APP_ROLE),
    authUrl: withRole(ownerUrl, AUTH_ROLE),
    billingUrl: withRole(ownerUrl, BILLING_ROLE),
    platformUrl: withRole(ownerUrl, PLATFORM_ROLE),
    jobWorkerUrl: withRole(ownerUrl, JOB_WORKER_ROLE),
  };
  await applyMigrations(ownerUrl, MIGRATIONS_DIR);
  await installJobQueue(ownerUrl);
  await grantRoleLogins(ownerUrl, [urls.appUrl, urls.authUrl, urls.billingUrl, urls.platformUrl, urls.jobWorkerUrl]);
  return urls;
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await withClient(serverUrl, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`),
  );
}

async function recreateDatabase(serverUrl: string, name: string): Promise<void> {
  await withClient(serverUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  });
}
