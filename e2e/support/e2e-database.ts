// The databases the e2e servers run on (playwright.config.ts starts them with --database NAME), on
// the server scripts/run-e2e.ts passes as DATABASE_URL. Each helper runs SQL as one runtime role,
// tagged as the app tags it: naming a workspace, or none.
import pg from 'pg';
import { APP_ROLE, AUTH_ROLE, BILLING_ROLE, withRole } from '../../lib/db/role-urls';
import { databaseUrl } from '../../scripts/db/database-server';
import { type E2eServer, HOSTS_SERVER } from './e2e-servers';

type Rows<T extends pg.QueryResultRow> = Promise<T[]>;

async function runAs<T extends pg.QueryResultRow>(
  server: E2eServer,
  role: string,
  tenantId: string | null,
  sql: string,
  values: unknown[],
): Rows<T> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error('DATABASE_URL is not set: run the e2e suite with `npm run test:e2e`');
  const client = new pg.Client({ connectionString: withRole(databaseUrl(serverUrl, server.database), role) });
  await client.connect();
  try {
    return (await client.query<T>(`/* tenant:${tenantId ?? 'none'} */ ${sql}`, values)).rows;
  } finally {
    await client.end();
  }
}

async function tenantIdOf(server: E2eServer, slug: string): Promise<string> {
  const [tenant] = await asApp<{ id: string }>(server, 'SELECT id FROM tenants WHERE slug = $1', [slug]);
  if (!tenant) throw new Error(`no workspace ${slug}`);
  return tenant.id;
}

/** As the app does: app_user, naming no workspace (global tables only). */
export function asApp<T extends pg.QueryResultRow>(server: E2eServer, sql: string, values: unknown[] = []): Rows<T> {
  return runAs(server, APP_ROLE, null, sql, values);
}

/** As the app does: app_user, each statement naming the workspace it works for. */
export async function asTenant<T extends pg.QueryResultRow>(
  tenantSlug: string,
  sql: string,
  values: unknown[] = [],
  server: E2eServer = HOSTS_SERVER,
): Rows<T> {
  return runAs(server, APP_ROLE, await tenantIdOf(server, tenantSlug), sql, values);
}

/** As the sign-in code does: auth_user, the only role that reads sessions and credentials. */
export function asAuth<T extends pg.QueryResultRow>(server: E2eServer, sql: string, values: unknown[] = []): Rows<T> {
  return runAs(server, AUTH_ROLE, null, sql, values);
}

/** As auth_user naming a workspace: how the domain checks record a DNS proof. */
export async function asAuthFor<T extends pg.QueryResultRow>(
  tenantSlug: string,
  sql: string,
  values: unknown[] = [],
  server: E2eServer = HOSTS_SERVER,
): Rows<T> {
  return runAs(server, AUTH_ROLE, await tenantIdOf(server, tenantSlug), sql, values);
}

/** As billing code does with no workspace named: billing_user, which reads Stripe's records. */
export function asBilling<T extends pg.QueryResultRow>(
  server: E2eServer,
  sql: string,
  values: unknown[] = [],
): Rows<T> {
  return runAs(server, BILLING_ROLE, null, sql, values);
}
