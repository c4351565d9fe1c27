// Credentials and sessions are auth_user's alone: the app role, which runs every tenant request,
// cannot read them from any tenant's context (a SQL injection there leaks none), and auth_user in
// turn reaches no tenant data.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTenant } from '../../tests/support/tenants';

let acme: { id: string };
let app: pg.Client;
let auth: pg.Client;

beforeAll(async () => {
  acme = await createTenant('acme');
  app = new pg.Client({ connectionString: inject('appUrl') });
  auth = new pg.Client({ connectionString: inject('authUrl') });
  await Promise.all([app.connect(), auth.connect()]);
});
afterAll(async () => {
  await Promise.all([app.end(), auth.end()]);
});

const CREDENTIAL_TABLES = [
  'user_passwords',
  'sessions',
  'session_handoffs',
  'accounts',
  'verification_tokens',
  // Second factors (docs/decisions/018).
  'user_totp',
  'user_recovery_codes',
  'pending_sign_ins',
];

describe('credentials are out of the app role’s reach', () => {
  it.each(CREDENTIAL_TABLES)('app_user cannot read or write %s, with or without a tenant', async (table) => {
    for (const tag of [`tenant:${acme.id}`, 'tenant:none']) {
      await expect(app.query(`/* ${tag} */ SELECT * FROM ${table} LIMIT 1`)).rejects.toThrow(/permission denied/);
      await expect(app.query(`/* ${tag} */ DELETE FROM ${table}`)).rejects.toThrow(/permission denied/);
    }
  });

  it('users holds no password hash for the app role to read', async () => {
    await expect(app.query(`/* tenant:${acme.id} */ SELECT password_hash FROM users`)).rejects.toThrow(
      /does not exist/,
    );
  });

  it.each(CREDENTIAL_TABLES)('auth_user reads %s', async (table) => {
    await expect(auth.query(`/* tenant:none */ SELECT count(*) FROM ${table}`)).resolves.toBeDefined();
  });

  it('auth_user reaches no tenant data', async () => {
    for (const table of ['projects', 'memberships', 'billing_states']) {
      await expect(auth.query(`/* tenant:${acme.id} */ SELECT * FROM ${table}`)).rejects.toThrow(/permission denied/);
    }
  });
});
