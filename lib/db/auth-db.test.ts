// Credentials, sessions and writes to the user directory are auth_user's alone: the app role, which runs every tenant request,
// cannot read them from any tenant's context (a SQL injection there leaks none), and auth_user in
// turn reaches no tenant data.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTenant } from '../../tests/support/tenants';
import { authDb } from './auth-db';

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

  it('the app role cannot write the user directory: no re-pointing an owner’s email, no deleting a member', async () => {
    // The reviewer's takeover: acme's context re-points globex's owner at an attacker's mailbox, then
    // "Forgot your password?" does the rest. Or deletes a globex member (FK cascades ignore RLS).
    const victim = await authDb().user.create({
      data: { email: `owner-${randomUUID().slice(0, 8)}@globex.test`, emailVerified: new Date() },
      select: { id: true, email: true },
    });
    const tag = `/* tenant:${acme.id} */`;
    await expect(
      app.query(`${tag} UPDATE users SET email = 'attacker@evil.test' WHERE id = $1`, [victim.id]),
    ).rejects.toThrow(/permission denied/);
    await expect(app.query(`${tag} DELETE FROM users WHERE id = $1`, [victim.id])).rejects.toThrow(/permission denied/);
    await expect(
      app.query(
        `${tag} INSERT INTO users (id, email, email_verified) VALUES (gen_random_uuid(), 'x@evil.test', now())`,
      ),
    ).rejects.toThrow(/permission denied/);
    expect(await authDb().user.findFirst({ where: { id: victim.id }, select: { email: true } })).toEqual({
      email: victim.email,
    });
  });

  it('the app role creates workspaces but cannot rename or delete one, not even its own', async () => {
    const tag = `/* tenant:${acme.id} */`;
    await expect(
      app.query(`${tag} UPDATE tenants SET slug = 'www', slug_skeleton = 'x' WHERE id = $1`, [acme.id]),
    ).rejects.toThrow(/permission denied/);
    await expect(app.query(`${tag} DELETE FROM tenants WHERE id = $1`, [acme.id])).rejects.toThrow(/permission denied/);
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
