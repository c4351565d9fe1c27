// The table audit: reads PostgreSQL's catalog and names every way a table or the app role could
// let one tenant see another's data. A forker who adds a model and forgets RLS gets a red test
// (lib/db/audit.test.ts) and a failing `npm run db:audit`, not a leak.
import type pg from 'pg';
import { BILLING_ROLE } from '../../lib/db/role-urls';
import { auditBillingRecords } from './audit-billing-records';

/**
 * Tables without tenant_id, and the columns of each that the app role (which runs every tenant
 * request) may read. Reading any other column of theirs is a finding, so a global table's exposure
 * is declared here, not accidental; [] means the app role cannot touch the table at all (auth_user's
 * tables: credentials and sessions, lib/db/auth-db.ts). A table missing here is a finding too.
 */
/**
 * The one global table the app role may write: creating a workspace inserts it, and its update
 * policy confines changes to the statement's own workspace (auditGlobalTablePolicies checks that).
 * A write privilege on any other global table is a finding.
 */
export const APP_WRITABLE_GLOBAL_TABLES = new Set(['tenants']);

export const GLOBAL_TABLES: Record<string, readonly string[]> = {
  tenants: ['id', 'slug', 'slug_skeleton', 'name', 'created_at'],
  // The directory member lists and provisioning need; never a credential.
  users: ['id', 'email', 'name', 'email_verified', 'image', 'created_at', 'verification_email_sent_at'],
  user_passwords: [],
  accounts: [],
  sessions: [],
  session_handoffs: [],
  verification_tokens: [],
  user_totp: [],
  user_recovery_codes: [],
  pending_sign_ins: [],
  passkeys: [],
  webauthn_challenges: [],
  account_events: [],
  // Where signing in lands (lib/workspaces/sign-in-landing.ts): auth_user's alone.
  user_last_workspaces: [],
  // Stripe's webhook log: billing_user's alone (lib/db/billing-db.ts).
  stripe_events: [],
  // Jobs that will not run: job_worker adds them, platform_admin reads them (lib/jobs/dead-letter.ts).
  job_dead_letters: [],
};

/**
 * Permissive policies on tenant tables that are not the tenant comparison: each one FOR SELECT, for
 * a role other than the app role, and reviewed here for why that role reads across workspaces.
 */
export const CROSS_TENANT_READ_POLICIES: Record<string, string> = {
  'stripe_customers.billing_reads_links':
    'billing_user maps the customer a signed webhook names to its workspace, and the billing jobs walk every customer',
};

// The only comparisons a permissive policy may make, as PostgreSQL prints them back: with the
// function wrapped in a scalar subquery (evaluated once per statement) or called directly.
const TENANT_CHECKS = new Set([
  '(tenant_id = ( SELECT current_tenant_id() AS current_tenant_id))',
  '(tenant_id = current_tenant_id())',
]);
const OWN_TENANT_ROW_CHECKS = new Set([
  '(id = ( SELECT current_tenant_id() AS current_tenant_id))',
  '(id = current_tenant_id())',
]);

/**
 * Definer functions owned by a role that bypasses RLS, each reviewed for the one thing it tells or
 * does in any tenant's context. lib/db/definer-functions.test.ts probes each one from another
 * tenant's context, and fails for a function executable by the app role that it does not probe.
 */
export const REVIEWED_DEFINER_FUNCTIONS: Record<string, string> = {
  custom_domain_workspace: 'the workspace a verified custom domain routes to: what its DNS already tells anyone',
  sso_workspace_for_email_domain:
    'the workspace whose IdP a verified email domain signs in through, as the sign-in page tells anyone',
  session_workspaces: "a live session's own workspaces: only its cookie holds the id, and sessions are auth_user's",
  api_key_for_hash:
    "the workspace, scopes and state of the API key whose secret's SHA-256 the caller holds: nothing for any other hash",
  enqueue_tenant_job:
    "queues a job for the statement's own tenant only (its tag), keys and fair-order counts per tenant: it tells nothing",
};

type TableRow = {
  table: string;
  rls: boolean;
  forced: boolean;
  has_tenant_id: boolean;
  tenant_id_nullable: boolean | null;
  app_reaches: boolean;
};
type PolicyRow = {
  table: string;
  policy: string;
  permissive: string;
  roles: string[];
  cmd: string;
  qual: string | null;
  with_check: string | null;
};
type IndexRow = { table: string; index: string; first_column: string | null; is_unique: boolean; columns: string[] };
type ForeignKeyRow = { table: string; constraint: string; target: string; columns: string[]; target_columns: string[] };
type RoleRow = {
  rolsuper: boolean;
  rolbypassrls: boolean;
  owns: number;
  inherited_bad: number;
  migrations_access: boolean;
  temp: boolean;
};

export async function auditTables(
  client: pg.ClientBase,
  appRole: string,
  billingRole: string = BILLING_ROLE,
): Promise<string[]> {
  const findings: string[] = [];
  findings.push(...(await auditRole(client, appRole)));
  findings.push(...(await auditRole(client, billingRole)));
  findings.push(...(await auditBillingRecords(client, appRole, billingRole)));

  const tables = (await client.query<TableRow>(TABLES_SQL, [appRole])).rows;
  const tenantTables = new Set(tables.filter((t) => t.has_tenant_id).map((t) => t.table));
  const policies = (await client.query<PolicyRow>(POLICIES_SQL)).rows;
  const indexes = (await client.query<IndexRow>(INDEXES_SQL)).rows;
  const foreignKeys = (await client.query<ForeignKeyRow>(FOREIGN_KEYS_SQL)).rows;
  findings.push(...(await auditOtherRelations(client, appRole)));
  findings.push(...(await auditGlobalColumns(client, appRole)));

  for (const table of tables) {
    if (!table.has_tenant_id) {
      if (!(table.table in GLOBAL_TABLES)) {
        findings.push(
          `${table.table}: has no tenant_id. Add tenant_id with RLS, or list it in GLOBAL_TABLES (scripts/db/audit-tables.ts) if it is truly global`,
        );
      }
      findings.push(...auditGlobalTablePolicies(table.table, policies));
      continue;
    }
    const name = table.table;
    if (!table.rls) findings.push(`${name}: row level security is not enabled`);
    if (!table.forced) findings.push(`${name}: row level security is not forced (the owner would bypass it)`);
    if (table.tenant_id_nullable) findings.push(`${name}: tenant_id is nullable`);

    // Permissive policies are OR-ed together: each one must be exactly the tenant comparison.
    const permissive = policies.filter((p) => p.table === name && p.permissive === 'PERMISSIVE');
    if (permissive.length === 0) findings.push(`${name}: has no policy`);
    for (const policy of permissive.filter((p) => !isReviewedCrossTenantRead(p, appRole))) {
      for (const expression of [policy.qual, policy.with_check]) {
        if (expression !== null && !TENANT_CHECKS.has(expression)) {
          findings.push(
            `${name}: policy ${policy.policy} is not exactly tenant_id = (SELECT current_tenant_id()) (${expression})`,
          );
        }
      }
    }

    if (!indexes.some((i) => i.table === name && i.first_column === 'tenant_id')) {
      findings.push(`${name}: no index leads with tenant_id`);
    }
    // A unique index spanning tenants lets the app role probe for another tenant's values; a table
    // it cannot reach at all (stripe_customers: one customer is one workspace) cannot be probed so.
    for (const index of indexes.filter((i) => i.table === name && i.is_unique && table.app_reaches)) {
      const isIdKey = index.columns.length === 1 && index.columns[0] === 'id';
      if (!isIdKey && !index.columns.includes('tenant_id')) {
        findings.push(
          `${name}: unique index ${index.index} (${index.columns.join(', ')}) spans tenants; include tenant_id`,
        );
      }
    }
    for (const fk of foreignKeys.filter((f) => f.table === name && tenantTables.has(f.target))) {
      const at = fk.columns.indexOf('tenant_id');
      if (at === -1 || fk.target_columns[at] !== 'tenant_id') {
        findings.push(
          `${name}: foreign key ${fk.constraint} to ${fk.target} does not include tenant_id, so it can point into another tenant`,
        );
      }
    }
  }
  return findings;
}

// Declared, for SELECT only, and not applying to the app role (nor to PUBLIC, which includes it).
function isReviewedCrossTenantRead(policy: PolicyRow, appRole: string): boolean {
  return (
    `${policy.table}.${policy.policy}` in CROSS_TENANT_READ_POLICIES &&
    policy.cmd === 'SELECT' &&
    !policy.roles.some((role) => role === appRole || role === 'public')
  );
}

// A global table may open reading and creating to everyone, never changing another workspace's row.
function auditGlobalTablePolicies(table: string, policies: PolicyRow[]): string[] {
  const findings: string[] = [];
  for (const policy of policies.filter((p) => p.table === table && p.permissive === 'PERMISSIVE')) {
    const changesRows = policy.cmd === 'UPDATE' || policy.cmd === 'DELETE' || policy.cmd === 'ALL';
    for (const expression of [policy.qual, policy.with_check]) {
      if (changesRows && expression !== null && !OWN_TENANT_ROW_CHECKS.has(expression)) {
        findings.push(
          `${table}: policy ${policy.policy} lets ${policy.cmd} reach rows of other workspaces (${expression})`,
        );
      }
    }
  }
  return findings;
}

// What the app role can read of each global table, against what GLOBAL_TABLES declares.
async function auditGlobalColumns(client: pg.ClientBase, appRole: string): Promise<string[]> {
  const readable = (await client.query<{ table: string; column: string }>(READABLE_COLUMNS_SQL, [appRole])).rows;
  const writable = (await client.query<{ table: string }>(WRITABLE_TABLES_SQL, [appRole])).rows;
  return [
    ...readable
      .filter(({ table, column }) => table in GLOBAL_TABLES && !GLOBAL_TABLES[table]?.includes(column))
      .map(
        ({ table, column }) =>
          `${table}.${column}: readable by ${appRole} in every tenant's context, and not declared in GLOBAL_TABLES; revoke it or declare it`,
      ),
    ...writable
      .filter(({ table }) => table in GLOBAL_TABLES && !APP_WRITABLE_GLOBAL_TABLES.has(table))
      .map(
        ({ table }) =>
          `${table}: a global table ${appRole} can write from any tenant's context; revoke it, or declare it in APP_WRITABLE_GLOBAL_TABLES`,
      ),
  ];
}

// Ways around the policies that are not tables in public: views (which run as their owner unless
// security_invoker), materialized views, foreign tables, tables in other schemas, definer
// functions owned by a role that bypasses RLS, and temporary tables that shadow ours.
async function auditOtherRelations(client: pg.ClientBase, appRole: string): Promise<string[]> {
  const findings: string[] = [];
  const relations = (
    await client.query<{ name: string; kind: string; invoker: boolean }>(EXPOSED_RELATIONS_SQL, [appRole])
  ).rows;
  for (const relation of relations) {
    if (relation.kind === 'v' && relation.invoker) continue;
    const what =
      {
        v: 'view without security_invoker',
        m: 'materialized view',
        f: 'foreign table',
        r: 'table outside public',
        p: 'table outside public',
      }[relation.kind] ?? relation.kind;
    findings.push(`${relation.name}: ${what} readable by ${appRole} bypasses row level security`);
  }
  const definers = (await client.query<{ name: string; owner: string }>(DEFINER_FUNCTIONS_SQL, [appRole])).rows;
  for (const fn of definers.filter((f) => !(f.name in REVIEWED_DEFINER_FUNCTIONS))) {
    findings.push(
      `${fn.name}(): SECURITY DEFINER function owned by ${fn.owner}, which bypasses RLS, is executable by ${appRole}; review it and add it to REVIEWED_DEFINER_FUNCTIONS`,
    );
  }
  return findings;
}

async function auditRole(client: pg.ClientBase, appRole: string): Promise<string[]> {
  const { rows } = await client.query<RoleRow>(ROLE_SQL, [appRole]);
  const role = rows[0];
  if (!role) return [`role ${appRole} does not exist`];
  const findings: string[] = [];
  if (role.rolsuper) findings.push(`role ${appRole} is a superuser (superusers bypass RLS)`);
  if (role.rolbypassrls) findings.push(`role ${appRole} has BYPASSRLS`);
  if (role.owns > 0) findings.push(`role ${appRole} owns ${role.owns} table(s) (owners can disable RLS)`);
  if (role.inherited_bad > 0)
    findings.push(`role ${appRole} is a member of a superuser, BYPASSRLS or table-owning role`);
  if (role.migrations_access) findings.push(`role ${appRole} can read or write _prisma_migrations`);
  if (role.temp) findings.push(`role ${appRole} can create temporary tables (they could shadow ours)`);
  return findings;
}

const TABLES_SQL = `
SELECT c.relname AS table, c.relrowsecurity AS rls, c.relforcerowsecurity AS forced,
       a.attname IS NOT NULL AS has_tenant_id, NOT a.attnotnull AS tenant_id_nullable,
       has_table_privilege($1, c.oid, 'SELECT, INSERT, UPDATE, DELETE') AS app_reaches
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
WHERE c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations'
ORDER BY c.relname`;

const READABLE_COLUMNS_SQL = `
SELECT c.relname AS table, a.attname AS column
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
WHERE c.relkind IN ('r', 'p') AND has_column_privilege($1, c.oid, a.attnum, 'SELECT')`;

const WRITABLE_TABLES_SQL = `
SELECT c.relname AS table
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
WHERE c.relkind IN ('r', 'p') AND has_table_privilege($1, c.oid, 'INSERT, UPDATE, DELETE, TRUNCATE')`;

const POLICIES_SQL = `SELECT tablename AS table, policyname AS policy, permissive, roles::text[] AS roles, cmd, qual, with_check FROM pg_policies WHERE schemaname = 'public'`;

const EXPOSED_RELATIONS_SQL = `
SELECT n.nspname || '.' || c.relname AS name, c.relkind::text AS kind,
       coalesce('security_invoker=true' = ANY (c.reloptions), false) AS invoker
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
  AND (c.relkind IN ('v', 'm', 'f') OR (c.relkind IN ('r', 'p') AND n.nspname <> 'public'))
  AND has_schema_privilege($1, n.oid, 'USAGE') AND has_table_privilege($1, c.oid, 'SELECT')`;

export const DEFINER_FUNCTIONS_SQL = `
SELECT p.proname AS name, r.rolname AS owner
FROM pg_proc p JOIN pg_roles r ON r.oid = p.proowner JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE p.prosecdef AND (r.rolsuper OR r.rolbypassrls)
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND has_function_privilege($1, p.oid, 'EXECUTE')`;

const INDEXES_SQL = `
SELECT t.relname AS table, i.relname AS index, x.indisunique AS is_unique,
       (SELECT attname::text FROM pg_attribute WHERE attrelid = t.oid AND attnum = x.indkey[0]) AS first_column,
       ARRAY(SELECT a.attname::text FROM unnest(x.indkey) k JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k) AS columns
FROM pg_index x
JOIN pg_class i ON i.oid = x.indexrelid
JOIN pg_class t ON t.oid = x.indrelid
JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'`;

const FOREIGN_KEYS_SQL = `
SELECT t.relname AS table, con.conname AS constraint, r.relname AS target,
       ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.o) AS columns,
       ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n ORDER BY k.o) AS target_columns
FROM pg_constraint con
JOIN pg_class t ON t.oid = con.conrelid
JOIN pg_class r ON r.oid = con.confrelid
JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
WHERE con.contype = 'f'`;

const ROLE_SQL = `
SELECT r.rolsuper, r.rolbypassrls,
       (SELECT count(*)::int FROM pg_class c WHERE c.relowner = r.oid AND c.relkind IN ('r', 'p')) AS owns,
       (SELECT count(*)::int FROM pg_roles g
         WHERE g.oid <> r.oid AND pg_has_role(r.oid, g.oid, 'MEMBER')
           AND (g.rolsuper OR g.rolbypassrls OR EXISTS (SELECT 1 FROM pg_class c WHERE c.relowner = g.oid))) AS inherited_bad,
       (has_table_privilege(r.oid, '_prisma_migrations', 'SELECT') OR has_table_privilege(r.oid, '_prisma_migrations', 'INSERT')
         OR has_table_privilege(r.oid, '_prisma_migrations', 'UPDATE') OR has_table_privilege(r.oid, '_prisma_migrations', 'DELETE')) AS migrations_access,
       has_database_privilege(r.oid, current_database(), 'TEMP') AS temp
FROM pg_roles r WHERE r.rolname = $1`;
