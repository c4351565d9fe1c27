// API keys against a real database: only the hash is stored, the lookup tells each secret's own
// workspace and state, revocation and expiry take effect on the next lookup, and app_user cannot
// read another workspace's keys.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiKeyCreator } from '../../tests/support/api-client';
import { createTenant } from '../../tests/support/tenants';
import { hashToken } from '../auth/random-token';
import { authDb } from '../db/auth-db';
import { tenantDb } from '../db/tenant-db';
import { keyMay } from './api-key-scopes';
import { createApiKey } from './create-api-key';
import { findApiKey } from './find-api-key';
import { listApiKeys } from './list-api-keys';
import { revokeApiKey } from './revoke-api-key';

type Tenant = { id: string; slug: string };
let acme: Tenant;
let globex: Tenant;
let admin: { id: string; email: string };
let app: pg.Client;

beforeAll(async () => {
  acme = await createTenant('acme');
  globex = await createTenant('globex');
  admin = await authDb().user.create({ data: { email: `admin-${randomUUID()}@example.test` } });
  app = new pg.Client({ connectionString: inject('appUrl') });
  await app.connect();
});
afterAll(async () => {
  await app.end();
});

const newKey = async (tenant: Tenant, expiresAt: Date | null = null) =>
  createApiKey(tenantDb(tenant.id), await apiKeyCreator(tenant.id), {
    name: `key-${randomUUID().slice(0, 6)}`,
    scopes: ['projects:read'],
    expiresAt,
  });

describe('API keys', () => {
  it('stores only the hash: the secret appears nowhere in the row, the list or the audit line', async () => {
    const { id, secret, prefix } = await newKey(acme);
    expect(secret).toMatch(/^tny_live_[A-Za-z0-9_-]{43}$/);
    expect(secret.startsWith(prefix)).toBe(true);
    const row = await tenantDb(acme.id).apiKey.findFirstOrThrow({ where: { id } });
    expect(row.keyHash).toBe(hashToken(secret));
    expect(JSON.stringify(row)).not.toContain(secret.slice(prefix.length));
    expect(JSON.stringify(await listApiKeys(tenantDb(acme.id)))).not.toContain(row.keyHash);
    const audit = await tenantDb(acme.id).auditEvent.findMany({ where: { action: 'api_key.created' } });
    expect(audit.some((event) => JSON.stringify(event.details).includes(id))).toBe(true);
    expect(JSON.stringify(audit)).not.toContain(secret.slice(prefix.length));
  });

  it("finds a live key's own workspace and scopes from the secret alone", async () => {
    const { id, secret } = await newKey(globex);
    expect(await findApiKey(secret)).toEqual({
      state: 'live',
      tenantId: globex.id,
      keyId: id,
      scopes: ['projects:read'],
    });
    expect(await findApiKey(`${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`)).toEqual({ state: 'unknown' });
    expect(await findApiKey('scim_not-a-key')).toEqual({ state: 'unknown' });
  });

  it('refuses a revoked key on the next lookup, and audits the revocation', async () => {
    const { id, secret } = await newKey(acme);
    expect((await findApiKey(secret)).state).toBe('live');
    // Another workspace cannot revoke it, even knowing its id.
    expect(await revokeApiKey(tenantDb(globex.id), admin, id)).toBe(false);
    expect((await findApiKey(secret)).state).toBe('live');
    expect(await revokeApiKey(tenantDb(acme.id), admin, id)).toBe(true);
    expect(await findApiKey(secret)).toEqual({ state: 'revoked' });
    expect(await revokeApiKey(tenantDb(acme.id), admin, id)).toBe(false);
    expect(
      await tenantDb(acme.id).auditEvent.count({
        where: { action: 'api_key.revoked', details: { path: ['keyId'], equals: id } },
      }),
    ).toBe(1);
  });

  it('refuses an expired key', async () => {
    const { secret } = await newKey(acme, new Date(Date.now() - 1_000));
    expect(await findApiKey(secret)).toEqual({ state: 'expired' });
    const { secret: later } = await newKey(acme, new Date(Date.now() + 60_000));
    expect((await findApiKey(later)).state).toBe('live');
    expect((await findApiKey(later, new Date(Date.now() + 120_000))).state).toBe('expired');
  });

  it("app_user cannot read, change or delete another workspace's keys, nor delete its own", async () => {
    const { id } = await newKey(globex);
    const asAcme = (sql: string, values: unknown[] = []) => app.query(`/* tenant:${acme.id} */ ${sql}`, values);
    expect((await asAcme('SELECT * FROM api_keys WHERE id = $1', [id])).rows).toEqual([]);
    expect((await asAcme('UPDATE api_keys SET revoked_at = now() WHERE id = $1', [id])).rowCount).toBe(0);
    await expect(asAcme('DELETE FROM api_keys')).rejects.toThrow(/permission denied/);
    await expect(
      asAcme(
        "INSERT INTO api_keys (id, tenant_id, name, prefix, key_hash, scopes) VALUES (gen_random_uuid(), $1, 'x', 'x', $2, '{projects:read}')",
        [globex.id, hashToken('x')],
      ),
    ).rejects.toThrow(/row-level security/);
  });

  // An outside review un-revoked and widened its own workspace's key in SQL, and copied another
  // workspace's hash under its own tenant.
  it('app_user cannot un-revoke or rewrite even its own keys: it may record a use and revoke, once', async () => {
    const { id } = await newKey(acme);
    const asAcme = (sql: string, values: unknown[] = []) => app.query(`/* tenant:${acme.id} */ ${sql}`, values);
    await expect(asAcme("UPDATE api_keys SET scopes = '{members:read}' WHERE id = $1", [id])).rejects.toThrow(
      /permission denied/,
    );
    await expect(asAcme('UPDATE api_keys SET expires_at = NULL WHERE id = $1', [id])).rejects.toThrow(
      /permission denied/,
    );
    expect((await asAcme('UPDATE api_keys SET last_used_at = now() WHERE id = $1', [id])).rowCount).toBe(1);
    expect((await asAcme('UPDATE api_keys SET revoked_at = now() WHERE id = $1', [id])).rowCount).toBe(1);
    await expect(asAcme('UPDATE api_keys SET revoked_at = NULL WHERE id = $1', [id])).rejects.toThrow(/final/);
  });

  it("a hash copied under another workspace's tenant makes the secret name no workspace, never the copier's", async () => {
    const { secret } = await newKey(globex);
    expect((await findApiKey(secret)).state).toBe('live');
    await app.query(
      `/* tenant:${acme.id} */ INSERT INTO api_keys (id, name, prefix, key_hash, scopes, created_by_id) VALUES (gen_random_uuid(), 'copy', 'x', $1, '{projects:write}', $2)`,
      [hashToken(secret), (await apiKeyCreator(acme.id)).id],
    );
    expect(await findApiKey(secret)).toEqual({ state: 'unknown' });
  });

  it('accepts only known scopes', async () => {
    await expect(
      tenantDb(acme.id).apiKey.create({
        data: { name: 'x', prefix: 'x', keyHash: hashToken('y'), scopes: ['admin:all'] },
      }),
    ).rejects.toThrow();
  });
});

describe('the scope table', () => {
  it('lets a read scope read and never write; a write scope also reads', () => {
    expect(keyMay(['projects:read'], 'projects.read')).toBe(true);
    expect(keyMay(['projects:read'], 'projects.write')).toBe(false);
    expect(keyMay(['projects:write'], 'projects.read')).toBe(true);
    expect(keyMay(['tasks:write'], 'projects.read')).toBe(false);
    expect(keyMay(['projects:write'], 'members.read')).toBe(false);
    expect(keyMay([], 'workspace.read')).toBe(false);
  });
});
