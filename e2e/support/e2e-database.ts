// The database the e2e server runs on (playwright.config.ts starts it with --database e2e): on the
// server DATABASE_URL names, or on the embedded development PostgreSQL.
import pg from 'pg';
import { APP_ROLE, withRole } from '../../lib/db/role-urls';
import { databaseUrl } from '../../scripts/db/database-server';

const EMBEDDED_DEV_SERVER = 'postgresql://postgres:postgres@127.0.0.1:54329/postgres';

/** Runs SQL as the app does: as app_user, each statement naming the tenant it works for. */
export async function asTenant<T extends pg.QueryResultRow>(
  tenantSlug: string,
  sql: string,
  values: unknown[] = [],
): Promise<T[]> {
  const owner = databaseUrl(process.env.DATABASE_URL ?? EMBEDDED_DEV_SERVER, 'e2e');
  const client = new pg.Client({ connectionString: withRole(owner, APP_ROLE) });
  await client.connect();
  try {
    const [tenant] = (await client.query<{ id: string }>('SELECT id FROM tenants WHERE slug = $1', [tenantSlug])).rows;
    if (!tenant) throw new Error(`no workspace ${tenantSlug}`);
    return (await client.query<T>(`/* tenant:${tenant.id} */ ${sql}`, values)).rows;
  } finally {
    await client.end();
  }
}
