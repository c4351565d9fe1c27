// The audit passes on our schema, and names the table for each way a forker could break isolation.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { auditTables } from './audit-tables';

let owner: pg.Client;

beforeAll(async () => {
  owner = new pg.Client({ connectionString: inject('ownerUrl') });
  await owner.connect();
});
afterAll(async () => {
  await owner.end();
});

/** Runs the audit after a change that is rolled back, so the shared test database is untouched. */
async function auditAfter(change: string): Promise<string[]> {
  await owner.query('BEGIN');
  try {
    await owner.query(change);
    return await auditTables(owner, 'app_user');
  } finally {
    await owner.query('ROLLBACK');
  }
}

const GOOD_TABLE = `
  CREATE TABLE notes (id uuid PRIMARY KEY, tenant_id uuid NOT NULL REFERENCES tenants(id), project_id uuid, body text);
  CREATE INDEX notes_tenant_idx ON notes (tenant_id);
  ALTER TABLE notes ENABLE ROW LEVEL SECURITY; ALTER TABLE notes FORCE ROW LEVEL SECURITY;
  CREATE POLICY tenant_isolation ON notes USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());`;

describe('table audit', () => {
  it('finds nothing wrong with the migrated schema', async () => {
    expect(await auditTables(owner, 'app_user')).toEqual([]);
  });

  it('accepts a correctly isolated new table', async () => {
    expect(await auditAfter(GOOD_TABLE)).toEqual([]);
  });

  it.each([
    ['RLS not enabled', 'ALTER TABLE notes DISABLE ROW LEVEL SECURITY', 'notes: row level security is not enabled'],
    ['RLS not forced', 'ALTER TABLE notes NO FORCE ROW LEVEL SECURITY', 'notes: row level security is not forced'],
    ['no policy', 'DROP POLICY tenant_isolation ON notes', 'notes: has no policy'],
    ['a permissive policy', 'CREATE POLICY open ON notes USING (true)', 'notes: policy open is not exactly'],
    [
      'a policy that only mentions the tenant',
      'DROP POLICY tenant_isolation ON notes; CREATE POLICY loose ON notes USING (tenant_id = current_tenant_id() OR true)',
      'notes: policy loose is not exactly',
    ],
    [
      'a policy open when no tenant is named',
      'DROP POLICY tenant_isolation ON notes; CREATE POLICY lax ON notes USING (current_tenant_id() IS NULL OR tenant_id = current_tenant_id())',
      'notes: policy lax is not exactly',
    ],
    [
      'a policy on the session setting',
      "DROP POLICY tenant_isolation ON notes; CREATE POLICY setting ON notes USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)",
      'notes: policy setting is not exactly',
    ],
    ['no tenant_id index', 'DROP INDEX notes_tenant_idx', 'notes: no index leads with tenant_id'],
    [
      'a cross-tenant unique index',
      'CREATE UNIQUE INDEX notes_body_key ON notes (body)',
      'notes: unique index notes_body_key',
    ],
    [
      'a foreign key without tenant_id',
      'ALTER TABLE notes ADD FOREIGN KEY (project_id) REFERENCES projects(id)',
      'notes: foreign key notes_project_id_fkey to projects',
    ],
    ['a nullable tenant_id', 'ALTER TABLE notes ALTER COLUMN tenant_id DROP NOT NULL', 'notes: tenant_id is nullable'],
  ])('names the table when a tenant table has %s', async (_, breakIt, expected) => {
    const findings = await auditAfter(`${GOOD_TABLE}; ${breakIt}`);
    expect(findings.join('\n')).toContain(expected);
  });

  it.each([
    [
      'a view',
      'CREATE VIEW project_names AS SELECT name FROM projects',
      'public.project_names: view without security_invoker',
    ],
    [
      'a materialized view',
      'CREATE MATERIALIZED VIEW project_count AS SELECT count(*) FROM projects',
      'public.project_count: materialized view',
    ],
    [
      'a table in another schema',
      'CREATE SCHEMA extra; CREATE TABLE extra.notes (id int); GRANT USAGE ON SCHEMA extra TO app_user; GRANT SELECT ON extra.notes TO app_user',
      'extra.notes: table outside public',
    ],
    [
      'an unreviewed definer function',
      'CREATE FUNCTION all_projects() RETURNS SETOF projects LANGUAGE sql SECURITY DEFINER AS $$ SELECT * FROM projects $$',
      'all_projects(): SECURITY DEFINER function',
    ],
    [
      'an update policy on the workspace directory that reaches other rows',
      'CREATE POLICY rename_any ON tenants FOR UPDATE USING (true)',
      'tenants: policy rename_any lets UPDATE reach rows of other workspaces',
    ],
  ])('names %s that bypasses row level security', async (_, breakIt, expected) => {
    const findings = await auditAfter(breakIt);
    expect(findings.join('\n')).toContain(expected);
  });

  it('accepts a view that runs as its invoker', async () => {
    expect(
      await auditAfter('CREATE VIEW project_names WITH (security_invoker = true) AS SELECT name FROM projects'),
    ).toEqual([]);
  });

  it('names a new table without tenant_id', async () => {
    const findings = await auditAfter('CREATE TABLE workspace_notes (id uuid PRIMARY KEY, workspace_id uuid)');
    expect(findings.join('\n')).toContain('workspace_notes: has no tenant_id');
  });

  it.each([
    ['sessions', 'GRANT SELECT ON sessions TO app_user', 'sessions.id: readable by app_user'],
    [
      'password hashes',
      'GRANT SELECT (hash) ON user_passwords TO app_user',
      'user_passwords.hash: readable by app_user',
    ],
    [
      'a new column on users',
      'ALTER TABLE users ADD COLUMN totp_secret text',
      'users.totp_secret: readable by app_user',
    ],
    [
      'writes to sign-in tokens',
      'GRANT DELETE ON verification_tokens TO app_user',
      'verification_tokens: a global table app_user can write',
    ],
    ['writes to the user directory', 'GRANT UPDATE ON users TO app_user', 'users: a global table app_user can write'],
  ])('flags a global table exposed to the app role beyond its declaration: %s', async (_, exposeIt, expected) => {
    const findings = await auditAfter(exposeIt);
    expect(findings.join('\n')).toContain(expected);
  });

  // A workspace that could write its own billing state could keep a paid plan Stripe cancelled.
  it.each([
    [
      'an update of billing states',
      'GRANT UPDATE ON billing_states TO app_user',
      'billing_states: app_user has UPDATE',
    ],
    ['a column update', 'GRANT UPDATE (plan) ON billing_states TO app_user', 'billing_states: app_user has UPDATE'],
    ['a delete of usage', 'GRANT DELETE ON usage_events TO app_user', 'usage_events: app_user has DELETE'],
    ['an update of usage', 'GRANT UPDATE ON usage_events TO app_user', 'usage_events: app_user has UPDATE'],
    ['the customer links', 'GRANT SELECT ON stripe_customers TO app_user', 'stripe_customers: app_user has SELECT'],
    [
      'the read tickets',
      'GRANT USAGE ON SEQUENCE stripe_read_tickets TO app_user',
      'stripe_read_tickets: app_user has USAGE',
    ],
  ])('flags a write to billing records the app role may only read or add to: %s', async (_, grantIt, expected) => {
    const findings = await auditAfter(grantIt);
    expect(findings.join('\n')).toContain(expected);
  });

  it.each([
    ['tenant data', 'GRANT SELECT ON projects TO billing_user', 'projects: reachable by billing_user'],
    ['credentials', 'GRANT SELECT ON sessions TO billing_user', 'sessions: reachable by billing_user'],
    ['BYPASSRLS', 'ALTER ROLE billing_user BYPASSRLS', 'role billing_user has BYPASSRLS'],
    [
      'its cross-tenant read opened to every role',
      'DROP POLICY billing_reads_links ON stripe_customers; CREATE POLICY billing_reads_links ON stripe_customers FOR SELECT USING (true)',
      'stripe_customers: policy billing_reads_links is not exactly',
    ],
    [
      'its cross-tenant read widened to writes',
      'DROP POLICY billing_reads_links ON stripe_customers; CREATE POLICY billing_reads_links ON stripe_customers TO billing_user USING (true)',
      'stripe_customers: policy billing_reads_links is not exactly',
    ],
  ])('flags a billing role with %s', async (_, breakIt, expected) => {
    const findings = await auditAfter(breakIt);
    expect(findings.join('\n')).toContain(expected);
  });

  it.each([
    ['BYPASSRLS', 'ALTER ROLE app_user BYPASSRLS', 'has BYPASSRLS'],
    ['ownership of a table', 'ALTER TABLE projects OWNER TO app_user', 'owns 1 table'],
    [
      'membership of the owner role',
      "DO $$ BEGIN EXECUTE format('GRANT %I TO app_user', current_user); END $$",
      'is a member of',
    ],
    ['access to migrations', 'GRANT SELECT ON _prisma_migrations TO app_user', 'can read or write _prisma_migrations'],
    [
      'temporary tables',
      "DO $$ BEGIN EXECUTE format('GRANT TEMPORARY ON DATABASE %I TO app_user', current_database()); END $$",
      'can create temporary tables',
    ],
  ])('flags an app role with %s', async (_, breakIt, expected) => {
    const findings = await auditAfter(breakIt);
    expect(findings.join('\n')).toContain(expected);
  });
});
