// Passkeys, WebAuthn challenges and account events are auth_user's alone: the app role, which runs
// every tenant request, cannot read or change them from any tenant's context; and the account log
// is append-only even for auth_user.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTenant } from '../../../tests/support/tenants';

let acme: { id: string };
let app: pg.Client;
let auth: pg.Client;

beforeAll(async () => {
  acme = await createTenant('pk-tables');
  app = new pg.Client({ connectionString: inject('appUrl') });
  auth = new pg.Client({ connectionString: inject('authUrl') });
  await Promise.all([app.connect(), auth.connect()]);
});
afterAll(async () => {
  await Promise.all([app.end(), auth.end()]);
});

const PASSKEY_TABLES = ['passkeys', 'webauthn_challenges', 'account_events'];

describe('passkey tables are out of the app role’s reach', () => {
  it.each(PASSKEY_TABLES)('app_user cannot read or write %s, with or without a tenant', async (table) => {
    for (const tag of [`tenant:${acme.id}`, 'tenant:none']) {
      await expect(app.query(`/* ${tag} */ SELECT * FROM ${table} LIMIT 1`)).rejects.toThrow(/permission denied/);
      await expect(app.query(`/* ${tag} */ DELETE FROM ${table}`)).rejects.toThrow(/permission denied/);
    }
  });

  it.each(PASSKEY_TABLES)('auth_user reads %s', async (table) => {
    await expect(auth.query(`/* tenant:none */ SELECT count(*) FROM ${table}`)).resolves.toBeDefined();
  });

  it('auth_user cannot rewrite or delete the account log', async () => {
    await expect(auth.query(`/* tenant:none */ UPDATE account_events SET action = 'x'`)).rejects.toThrow(
      /permission denied/,
    );
    await expect(auth.query('/* tenant:none */ DELETE FROM account_events')).rejects.toThrow(/permission denied/);
  });
});
