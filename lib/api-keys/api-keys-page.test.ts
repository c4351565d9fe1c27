// The API keys page's actions through the real checks (Origin, session on the Host, membership,
// permission) and the real database; only Next's request headers and cache are stood in for.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createApiKeyAction, revokeApiKeyAction } from '../../app/t/[tenant]/settings/api-keys/actions';
import { createTenant } from '../../tests/support/tenants';
import { type Member, signedInMember, submitAs, type Tenant } from '../../tests/support/workspace-members';
import { ROLE_REFUSAL } from '../actions/tenant-action';
import { tenantDb } from '../db/tenant-db';
import { findApiKey } from './find-api-key';

vi.mock('next/headers', () => import('../../tests/support/next-request-stub'));
const revalidatePath = vi.hoisted(() => vi.fn());
vi.mock('next/cache', () => ({ revalidatePath }));

let acme: Tenant;
let globex: Tenant;
let acmeAdmin: Member;
let acmeMember: Member;
let globexAdmin: Member;

beforeAll(async () => {
  acme = await createTenant('acme');
  globex = await createTenant('globex');
  acmeAdmin = await signedInMember(acme, 'admin');
  acmeMember = await signedInMember(acme, 'member');
  globexAdmin = await signedInMember(globex, 'admin');
});

const secretIn = (message: string) => /tny_live_[A-Za-z0-9_-]{43}/.exec(message)?.[0] ?? '';

describe('Settings → API keys', () => {
  it('an admin creates a key whose secret is shown once and works for this workspace only', async () => {
    const result = await submitAs(acmeAdmin, createApiKeyAction, {
      name: 'CI',
      'scope:projects:read': 'on',
      'scope:tasks:write': 'on',
      expiry: '30',
    });
    expect(result).toMatchObject({ status: 'ok' });
    const secret = secretIn(result.status === 'ok' ? result.message : '');
    const found = await findApiKey(secret);
    expect(found).toMatchObject({ state: 'live', tenantId: acme.id, scopes: ['projects:read', 'tasks:write'] });
    const row = await tenantDb(acme.id).apiKey.findFirstOrThrow({ where: { name: 'CI' } });
    expect(row.createdById).toBe(acmeAdmin.id);
    expect(row.expiresAt?.getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
  });

  it('a member may not create or revoke keys', async () => {
    expect(
      await submitAs(acmeMember, createApiKeyAction, { name: 'mine', 'scope:projects:read': 'on', expiry: 'never' }),
    ).toMatchObject({ status: 'error', message: ROLE_REFUSAL });
    expect(await tenantDb(acme.id).apiKey.count({ where: { name: 'mine' } })).toBe(0);
  });

  it('refuses a key without scopes or name, field by field, and creates nothing', async () => {
    const before = await tenantDb(acme.id).apiKey.count();
    const result = await submitAs(acmeAdmin, createApiKeyAction, { name: ' ', expiry: 'forever' });
    expect(result).toMatchObject({ status: 'error' });
    expect(result.status === 'error' && Object.keys(result.fieldErrors ?? {}).sort()).toEqual(['expiry', 'name']);
    const noScope = await submitAs(acmeAdmin, createApiKeyAction, { name: 'x', expiry: 'never' });
    expect(noScope.status === 'error' && noScope.fieldErrors?.scopes).toEqual(['Choose at least one scope.']);
    expect(await tenantDb(acme.id).apiKey.count()).toBe(before);
  });

  it("revokes a key at once; another workspace's admin cannot revoke it", async () => {
    const created = await submitAs(acmeAdmin, createApiKeyAction, {
      name: 'to revoke',
      'scope:members:read': 'on',
      expiry: 'never',
    });
    const secret = secretIn(created.status === 'ok' ? created.message : '');
    const { id } = await tenantDb(acme.id).apiKey.findFirstOrThrow({ where: { name: 'to revoke' } });
    expect(await submitAs(globexAdmin, revokeApiKeyAction, { keyId: id })).toMatchObject({ status: 'error' });
    expect((await findApiKey(secret)).state).toBe('live');
    expect(await submitAs(acmeAdmin, revokeApiKeyAction, { keyId: id })).toMatchObject({ status: 'ok' });
    expect(await findApiKey(secret)).toEqual({ state: 'revoked' });
    expect(
      await tenantDb(acme.id).auditEvent.count({ where: { action: 'api_key.revoked', target: 'to revoke' } }),
    ).toBe(1);
  });
});
