// What the email proof protects: a workspace's IdP (SCIM or SSO) adopting an account drops what an
// unproven holder set up (lib/accounts/forget-unproven-account.ts), and must not wipe an account
// whose owner proved the mailbox through sign-up's verification link.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import * as usersRoute from '../../app/t/[tenant]/api/scim/v2/Users/route';
import { newAddress, type ScimTenant, scim, scimWorkspace, userBody } from '../../tests/support/scim-client';
import { createMainSession } from '../auth/session-store';
import { passwordHashOf } from '../auth/user-password';
import { authDb } from '../db/auth-db';
import { tenantDb } from '../db/tenant-db';
import type { EmailMessage } from '../email/send-email';
import { provisionSsoUser } from '../sso/provision-sso-user';
import { sendEmailVerification } from './send-email-verification';
import { signUp } from './sign-up';
import { verifyEmail } from './verify-email';

vi.mock('next/headers', () => import('../../tests/support/next-request-stub'));

let workspace: ScimTenant;

beforeAll(async () => {
  const admin = await authDb().user.create({ data: { email: `admin-${randomUUID()}@example.test` } });
  workspace = await scimWorkspace('proof', admin);
  await tenantDb(workspace.id).ssoConnection.create({
    data: {
      protocol: 'saml',
      samlIdpEntityId: `https://idp.${workspace.slug}.example`,
      samlIdpSsoUrl: `https://idp.${workspace.slug}.example/sso`,
      samlIdpCertificates: ['cert'],
    },
  });
});

/** Someone signs up on an address of the workspace's domain, with a password and a session. */
async function signedUp(email: string) {
  const result = await signUp({
    name: 'Holder',
    email,
    password: 'the holder password',
    workspaceName: 'Own',
    slug: `own-${randomUUID().slice(0, 8)}`,
  });
  if (!result.ok) throw new Error(result.error);
  return { userId: result.userId, sessionId: await createMainSession(result.userId) };
}

/** ...and opens the link sign-up emailed them. */
async function proveMailbox(userId: string) {
  const mail: EmailMessage[] = [];
  await sendEmailVerification(userId, async (message) => {
    mail.push(message);
  });
  const token = /token=([A-Za-z0-9_-]+)/.exec(mail[0]?.text ?? '')?.[1] ?? '';
  expect(await verifyEmail(token)).toMatchObject({ ok: true });
}

const sessionAlive = async (id: string) => (await authDb().session.count({ where: { id } })) === 1;

describe.each([
  [
    'SCIM',
    async (email: string) =>
      expect((await scim(workspace, usersRoute.POST, 'POST', { body: userBody(email) })).status).toBe(201),
  ],
  [
    'SSO',
    async (email: string) =>
      expect(
        await provisionSsoUser(workspace.id, {
          provider: `saml-${workspace.slug}`,
          subject: randomUUID(),
          email,
          name: null,
        }),
      ).toMatchObject({ ok: true }),
  ],
])('%s adoption', (_path, adopt) => {
  it('keeps the password and sessions of an account whose owner verified the address', async () => {
    const email = newAddress(workspace.domain);
    const holder = await signedUp(email);
    await proveMailbox(holder.userId);
    await adopt(email);
    expect(await passwordHashOf(holder.userId)).not.toBeNull();
    expect(await sessionAlive(holder.sessionId)).toBe(true);
  });

  it('drops the password and sessions of an account nobody verified', async () => {
    const email = newAddress(workspace.domain);
    const holder = await signedUp(email);
    await adopt(email);
    expect(await passwordHashOf(holder.userId)).toBeNull();
    expect(await sessionAlive(holder.sessionId)).toBe(false);
  });
});
