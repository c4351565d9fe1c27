// The databases the e2e servers run on (playwright.config.ts starts them with --database NAME), on
// the server scripts/run-e2e.ts passes as DATABASE_URL.
import pg from 'pg';
import { APP_ROLE, AUTH_ROLE, BILLING_ROLE, withRole } from '../../lib/db/role-urls';
import { databaseUrl } from '../../scripts/db/database-server';
import { type E2eServer, HOSTS_SERVER } from './e2e-servers';

function appRoleUrl(server: E2eServer, role = APP_ROLE): string {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error('DATABASE_URL is not set: run the e2e suite with `npm run test:e2e`');
  return withRole(databaseUrl(serverUrl, server.database), role);
}

/** Runs SQL as the sign-in code does: as auth_user, the only role that reads sessions and credentials. */
export async function asAuth<T extends pg.QueryResultRow>(
  server: E2eServer,
  sql: string,
  values: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: appRoleUrl(server, AUTH_ROLE) });
  await client.connect();
  try {
    return (await client.query<T>(`/* tenant:none */ ${sql}`, values)).rows;
  } finally {
    await client.end();
  }
}

/** Runs SQL as billing code does with no workspace named: as billing_user, which reads Stripe's records. */
export async function asBilling<T extends pg.QueryResultRow>(
  server: E2eServer,
  sql: string,
  values: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: appRoleUrl(server, BILLING_ROLE) });
  await client.connect();
  try {
    return (await client.query<T>(`/* tenant:none */ ${sql}`, values)).rows;
  } finally {
    await client.end();
  }
}

/** Runs SQL as the app does: as app_user, naming no workspace (global tables only). */
export async function asApp<T extends pg.QueryResultRow>(
  server: E2eServer,
  sql: string,
  values: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: appRoleUrl(server) });
  await client.connect();
  try {
    return (await client.query<T>(`/* tenant:none */ ${sql}`, values)).rows;
  } finally {
    await client.end();
  }
}

/** Runs SQL as the app does: as app_user, each statement naming the workspace it works for. */
export async function asTenant<T extends pg.QueryResultRow>(
  tenantSlug: string,
  sql: string,
  values: unknown[] = [],
  server: E2eServer = HOSTS_SERVER,
): Promise<T[]> {
  const [tenant] = await asApp<{ id: string }>(server, 'SELECT id FROM tenants WHERE slug = $1', [tenantSlug]);
  if (!tenant) throw new Error(`no workspace ${tenantSlug}`);
  const client = new pg.Client({ connectionString: appRoleUrl(server) });
  await client.connect();
  try {
    return (await client.query<T>(`/* tenant:${tenant.id} */ ${sql}`, values)).rows;
  } finally {
    await client.end();
  }
}

/** Runs SQL as auth_user naming a workspace: how the domain checks record a DNS proof. */
export async function asAuthFor<T extends pg.QueryResultRow>(
  tenantSlug: string,
  sql: string,
  values: unknown[] = [],
  server: E2eServer = HOSTS_SERVER,
): Promise<T[]> {
  const [tenant] = await asApp<{ id: string }>(server, 'SELECT id FROM tenants WHERE slug = $1', [tenantSlug]);
  if (!tenant) throw new Error(`no workspace ${tenantSlug}`);
  const client = new pg.Client({ connectionString: appRoleUrl(server, AUTH_ROLE) });
  await client.connect();
  try {
    return (await client.query<T>(`/* tenant:${tenant.id} */ ${sql}`, values)).rows;
  } finally {
    await client.end();
  }
}
