// Billing records (docs/decisions/012): what the app role may do to them, and what billing_user
// reaches. A workspace that could write its own billing state could keep a plan Stripe cancelled,
// so these are declared here and any other privilege is a finding of the table audit.
import type pg from 'pg';

type Privilege = 'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE' | 'TRUNCATE' | 'REFERENCES' | 'TRIGGER' | 'USAGE';

/**
 * Tenant tables and sequences the app role may reach only as far as declared here: billing records
 * are billing_user's to write. A workspace that could update its own billing_states row could keep
 * a plan Stripe cancelled; one that could update or delete usage_events could erase its metered
 * usage. Any other privilege of the app role on them (a column's too) is a finding.
 */
export const APP_LIMITED_RELATIONS: Record<string, readonly Privilege[]> = {
  billing_states: ['SELECT'], // entitlements read it
  usage_events: ['SELECT', 'INSERT'], // recorded in the transaction of what it bills
  stripe_customers: [],
  stripe_read_tickets: [], // a ticket orders Stripe reads: taking the highest would freeze a state
};

/** All that billing_user reaches (lib/db/billing-db.ts); a grant of any other table to it is a finding. */
export const BILLING_ROLE_TABLES = ['billing_states', 'usage_events', 'stripe_events', 'stripe_customers'];

export async function auditBillingRecords(
  client: pg.ClientBase,
  appRole: string,
  billingRole: string,
): Promise<string[]> {
  return [...(await auditLimitedRelations(client, appRole)), ...(await auditBillingReach(client, billingRole))];
}

// What the app role may do to the relations of APP_LIMITED_RELATIONS, against what it can.
async function auditLimitedRelations(client: pg.ClientBase, appRole: string): Promise<string[]> {
  const names = Object.keys(APP_LIMITED_RELATIONS);
  const held = (
    await client.query<{ relation: string; privilege: Privilege }>(LIMITED_PRIVILEGES_SQL, [appRole, names])
  ).rows;
  const present = new Set(
    (await client.query<{ relation: string }>(RELATIONS_SQL, [names])).rows.map((r) => r.relation),
  );
  return [
    ...names
      .filter((name) => !present.has(name))
      .map((name) => `${name}: declared in APP_LIMITED_RELATIONS but not found in public; update the declaration`),
    ...held
      .filter(({ relation, privilege }) => !APP_LIMITED_RELATIONS[relation]?.includes(privilege))
      .map(
        ({ relation, privilege }) =>
          `${relation}: ${appRole} has ${privilege}, beyond what APP_LIMITED_RELATIONS declares (${APP_LIMITED_RELATIONS[relation]?.join(', ') || 'nothing'}); revoke it`,
      ),
  ];
}

// billing_user reaches billing records and nothing else: no tenant data, no credentials.
async function auditBillingReach(client: pg.ClientBase, billingRole: string): Promise<string[]> {
  const reached = (await client.query<{ table: string }>(REACHED_TABLES_SQL, [billingRole])).rows;
  return reached
    .filter(({ table }) => !BILLING_ROLE_TABLES.includes(table))
    .map(
      ({ table }) => `${table}: reachable by ${billingRole}, which should reach only ${BILLING_ROLE_TABLES.join(', ')}`,
    );
}

const RELATIONS_SQL = `
SELECT c.relname AS relation FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
WHERE c.relname = ANY($1)`;

// Column privileges count: GRANT UPDATE (plan) ON billing_states is as bad as the whole table.
const LIMITED_PRIVILEGES_SQL = `
SELECT c.relname AS relation, p.privilege
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
CROSS JOIN LATERAL unnest(CASE WHEN c.relkind = 'S' THEN ARRAY['USAGE', 'SELECT', 'UPDATE']
  ELSE ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER'] END) AS p(privilege)
WHERE c.relname = ANY($2) AND CASE
  WHEN c.relkind = 'S' THEN has_sequence_privilege($1, c.oid, p.privilege)
  WHEN p.privilege IN ('SELECT', 'INSERT', 'UPDATE', 'REFERENCES') THEN has_any_column_privilege($1, c.oid, p.privilege)
  ELSE has_table_privilege($1, c.oid, p.privilege) END
ORDER BY c.relname, p.privilege`;

const REACHED_TABLES_SQL = `
SELECT c.relname AS table
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
WHERE c.relkind IN ('r', 'p') AND (has_any_column_privilege($1, c.oid, 'SELECT, INSERT, UPDATE, REFERENCES')
  OR has_table_privilege($1, c.oid, 'DELETE, TRUNCATE, TRIGGER'))
ORDER BY c.relname`;
