// Who may add a second factor: a session that speaks for the whole account (not one a workspace's
// IdP opened, which is good for that workspace only), on an account whose mailbox is proven (a
// proof later would forget the factor, lib/accounts/forget-unproven-account.ts). The reviewer's
// attacks, through the account page's real actions.
import { randomUUID } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { startTotpAction } from '../../../app/account/two-factor-actions';
import { stubRequest } from '../../../tests/support/next-request-stub';
import { createTenant } from '../../../tests/support/tenants';
import { IDLE } from '../../actions/action-state';
import { authDb } from '../../db/auth-db';
import { UNPROVEN_MAILBOX_REFUSAL } from '../proven-mailbox-required';
import { IDP_SESSION_REFUSAL } from '../reauthenticate';
import { sessionCookieName } from '../session-cookie';
import { createMainSession } from '../session-store';
import { encodeSessionToken } from '../session-token';

vi.mock('next/headers', () => import('../../../tests/support/next-request-stub'));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
vi.mock('react', async (original) => ({ ...(await original<typeof import('react')>()), cache: <T>(fn: T) => fn }));

async function startTotpAs(userId: string, ssoTenantId: string | null) {
  const token = await encodeSessionToken({ userId, sessionId: await createMainSession(userId, ssoTenantId) });
  stubRequest({ host: 'localhost', origin: 'http://localhost:3000' }, { [sessionCookieName('localhost')]: token });
  return startTotpAction(IDLE, new FormData());
}

const newUser = (proven: boolean) =>
  authDb().user.create({
    data: { email: `enrol-${randomUUID().slice(0, 8)}@example.test`, emailVerified: proven ? new Date() : null },
    select: { id: true },
  });

describe('adding a second factor', () => {
  it("is refused to a session a workspace's IdP opened, which would lock the person out of their other workspaces", async () => {
    const idpWorkspace = await createTenant('idp');
    const person = await newUser(true);
    const result = await startTotpAs(person.id, idpWorkspace.id);
    expect(result.status).toBe('error');
    expect(JSON.stringify(result)).toContain(IDP_SESSION_REFUSAL);
    expect(await authDb().userTotp.count({ where: { userId: person.id } })).toBe(0);
  });

  it('is refused on an account whose mailbox is not proven, whose factors a later proof would forget', async () => {
    const person = await newUser(false);
    expect(await startTotpAs(person.id, null)).toMatchObject({ status: 'error', message: UNPROVEN_MAILBOX_REFUSAL });
    expect(await authDb().userTotp.count({ where: { userId: person.id } })).toBe(0);
  });

  it('works for the person’s own fresh session on a proven account', async () => {
    const person = await newUser(true);
    expect(await startTotpAs(person.id, null)).toMatchObject({ status: 'ok' });
  });
});
