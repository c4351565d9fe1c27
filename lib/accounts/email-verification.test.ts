// Email proof against a real PostgreSQL: sign-up's link verifies the address it names, once, for a
// day; a replayed, expired or tampered link verifies nothing; a resend waits a minute; and the link
// verifies only its own account, whoever opens it (it signs nobody in).
import { randomUUID } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { resendEmailVerificationAction } from '../../app/account/email-verification-actions';
import { stubRequest } from '../../tests/support/next-request-stub';
import { IDLE } from '../actions/action-state';
import { appUrl } from '../auth/app-url';
import { hashPassword } from '../auth/password';
import { signInWithPassword } from '../auth/password-sign-in';
import { sessionCookieName } from '../auth/session-cookie';
import { createMainSession } from '../auth/session-store';
import { encodeSessionToken } from '../auth/session-token';
import { passwordHashOf } from '../auth/user-password';
import { authDb } from '../db/auth-db';
import { globalDb } from '../db/global-db';
import type { EmailMessage } from '../email/send-email';
import { createPasswordAccount } from './create-password-account';
import { EMAIL_VERIFICATION_PREFIX, sendEmailVerification } from './send-email-verification';
import { disownAccount, pendingEmailVerification, verifyEmail } from './verify-email';

vi.mock('next/headers', () => import('../../tests/support/next-request-stub'));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));
const sent = vi.hoisted((): EmailMessage[] => []);
vi.mock('../email/send-email', () => ({
  sendEmail: async (message: EmailMessage) => {
    sent.push(message);
  },
}));

async function newUser() {
  const email = `proof-${randomUUID().slice(0, 8)}@example.test`;
  return authDb().user.create({ data: { email }, select: { id: true, email: true } });
}

/** Sends the verification email and returns the token its link carries. */
async function linkTokenFor(userId: string): Promise<string> {
  const mail: EmailMessage[] = [];
  const result = await sendEmailVerification(userId, async (message) => {
    mail.push(message);
  });
  if (!result.ok) throw new Error(`not sent: ${result.reason}`);
  const link = mail[0]?.text.split('\n').find((line) => line.startsWith('http'));
  if (!link) throw new Error('no link in the email');
  const url = new URL(link);
  expect(url.origin).toBe(appUrl().origin);
  expect(url.pathname).toBe('/verify-email');
  return url.searchParams.get('token') ?? '';
}

const verifiedAt = async (id: string) =>
  (await globalDb().user.findUniqueOrThrow({ where: { id }, select: { emailVerified: true } })).emailVerified;
const allowResend = (id: string) =>
  authDb().user.update({ where: { id }, data: { verificationEmailSentAt: new Date(Date.now() - 61_000) } });

describe('the verification link asks before it vouches', () => {
  it('opening it (as a mail scanner would) uses nothing up', async () => {
    const user = await newUser();
    const token = await linkTokenFor(user.id);
    expect(await pendingEmailVerification(token)).toEqual({ email: user.email });
    expect(await pendingEmailVerification(token)).toEqual({ email: user.email });
    expect(await verifiedAt(user.id)).toBeNull();
    expect(await verifyEmail(token)).toEqual({ ok: true, email: user.email });
    expect(await pendingEmailVerification(token)).toBeNull();
  });

  it('"I did not create this account": the squatter’s password and sessions go, and the link is used up', async () => {
    // Someone signed up with this mailbox's address; its owner gets the verification email.
    const squatter = await createPasswordAccount({
      email: `squatted-${randomUUID().slice(0, 8)}@example.test`,
      name: 'Mallory',
      passwordHash: await hashPassword('squatter password'),
    });
    const squatterSession = await createMainSession(squatter.id);
    const token = await linkTokenFor(squatter.id);
    expect(await disownAccount(token)).toEqual({ ok: true, email: squatter.email });
    expect(await passwordHashOf(squatter.id)).toBeNull();
    expect(await authDb().session.findFirst({ where: { id: squatterSession } })).toBeNull();
    expect(
      await signInWithPassword({ email: squatter.email, password: 'squatter password' }, '198.51.100.9'),
    ).toMatchObject({ ok: false });
    expect(await disownAccount(token)).toEqual({ ok: false });
    expect(await verifyEmail(token)).toEqual({ ok: false });
  });
});

describe('the verification link', () => {
  it('verifies the address it names, once; stored hashed', async () => {
    const user = await newUser();
    const token = await linkTokenFor(user.id);
    expect(await authDb().verificationToken.count({ where: { token } })).toBe(0);
    expect(await verifyEmail(token)).toEqual({ ok: true, email: user.email });
    expect(await verifiedAt(user.id)).toBeInstanceOf(Date);
    expect(await verifyEmail(token)).toEqual({ ok: false });
  });

  it('expired after a day: verifies nothing', async () => {
    const user = await newUser();
    const token = await linkTokenFor(user.id);
    const row = await authDb().verificationToken.findFirstOrThrow({
      where: { identifier: { startsWith: `${EMAIL_VERIFICATION_PREFIX}${user.id}:` } },
    });
    expect(row.expires.getTime() - Date.now()).toBeGreaterThan(23.9 * 3_600_000);
    await authDb().verificationToken.updateMany({
      where: { identifier: row.identifier },
      data: { expires: new Date(Date.now() - 1000) },
    });
    expect(await verifyEmail(token)).toEqual({ ok: false });
    expect(await verifiedAt(user.id)).toBeNull();
  });

  it.each([
    ['one character changed', (token: string) => `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`],
    ['cut short', (token: string) => token.slice(0, 20)],
    ['empty', () => ''],
    ['huge', (token: string) => token.repeat(1000)],
  ])('tampered (%s): verifies nothing', async (_name, tamper) => {
    const user = await newUser();
    const token = await linkTokenFor(user.id);
    expect(await verifyEmail(tamper(token))).toEqual({ ok: false });
    expect(await verifiedAt(user.id)).toBeNull();
  });

  it('a password-reset token is no verification link, and a verification link resets no password', async () => {
    const user = await newUser();
    const token = await linkTokenFor(user.id);
    await authDb().verificationToken.updateMany({
      where: { identifier: { startsWith: `${EMAIL_VERIFICATION_PREFIX}${user.id}:` } },
      data: { identifier: `password-reset:${user.id}` },
    });
    expect(await verifyEmail(token)).toEqual({ ok: false });
  });

  it('verifies only its own account, whoever is signed in where it is opened, and signs no one in', async () => {
    const [owner, other] = [await newUser(), await newUser()];
    const otherSessions = await authDb().session.count({ where: { userId: other.id } });
    const token = await linkTokenFor(owner.id);
    expect(await verifyEmail(token)).toEqual({ ok: true, email: owner.email });
    expect(await verifiedAt(other.id)).toBeNull();
    expect(await authDb().session.count({ where: { userId: { in: [owner.id, other.id] } } })).toBe(otherSessions);
  });

  it('an address changed since the link was sent is not verified by it', async () => {
    const user = await newUser();
    const token = await linkTokenFor(user.id);
    await authDb().user.update({ where: { id: user.id }, data: { email: `moved-${user.email}` } });
    expect(await verifyEmail(token)).toEqual({ ok: false });
    expect(await verifiedAt(user.id)).toBeNull();
  });

  it('a new link replaces the previous one', async () => {
    const user = await newUser();
    const first = await linkTokenFor(user.id);
    await allowResend(user.id);
    const second = await linkTokenFor(user.id);
    expect(await verifyEmail(first)).toEqual({ ok: false });
    expect(await verifyEmail(second)).toMatchObject({ ok: true });
  });
});

describe('resend from the account page', () => {
  async function signedIn(user: { id: string }) {
    const sessionId = await createMainSession(user.id);
    const host = appUrl().hostname;
    stubRequest(
      { host, origin: appUrl().origin },
      { [sessionCookieName(host)]: await encodeSessionToken({ userId: user.id, sessionId }) },
    );
  }

  it('sends at most one email a minute per account, even when asked at once', async () => {
    const user = await newUser();
    await signedIn(user);
    sent.length = 0;
    const results = await Promise.all([1, 2, 3].map(() => resendEmailVerificationAction(IDLE, new FormData())));
    expect(results.filter((result) => result.status === 'ok')).toHaveLength(1);
    expect(results.filter((result) => result.status === 'error')[0]?.message).toMatch(/less than a minute ago/);
    expect(sent.map((message) => message.to)).toEqual([user.email]);

    await allowResend(user.id);
    expect(await resendEmailVerificationAction(IDLE, new FormData())).toMatchObject({ status: 'ok' });
    expect(sent).toHaveLength(2);
  });

  it('sends nothing once the address is verified', async () => {
    const user = await newUser();
    await authDb().user.update({ where: { id: user.id }, data: { emailVerified: new Date() } });
    await signedIn(user);
    sent.length = 0;
    expect(await resendEmailVerificationAction(IDLE, new FormData())).toMatchObject({
      status: 'ok',
      message: expect.stringMatching(/already verified/),
    });
    expect(sent).toEqual([]);
  });
});
