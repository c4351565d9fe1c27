// Vitest global setup: one fresh, migrated database per test run, on the server DATABASE_URL names
// or on an embedded PostgreSQL. Tests connect as app_user, the role the app uses.
import type { TestProject } from 'vitest/node';
import { databaseServer } from '../../scripts/db/database-server';
import { createFreshDatabase, dropDatabase } from '../../scripts/db/fresh-database';

declare module 'vitest' {
  export interface ProvidedContext {
    serverUrl: string;
    ownerUrl: string;
    appUrl: string;
    authUrl: string;
    billingUrl: string;
    platformUrl: string;
    jobWorkerUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await databaseServer('test');
  const name = `test_${process.pid}`;
  const urls = await createFreshDatabase(server.url, name);
  project.provide('serverUrl', server.url);
  project.provide('ownerUrl', urls.ownerUrl);
  project.provide('appUrl', urls.appUrl);
  project.provide('authUrl', urls.authUrl);
  project.provide('billingUrl', urls.billingUrl);
  project.provide('platformUrl', urls.platformUrl);
  project.provide('jobWorkerUrl', urls.jobWorkerUrl);
  return async () => {
    await dropDatabase(server.url, name);
    await server.stop();
  };
}
