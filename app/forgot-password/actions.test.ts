// Flooding password-reset emails through the form's action, with the real mailer sending to a real
// SMTP server (the mail catcher): per address and per network, only the allowed number go out.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startMailCatcher } from '../../tests/support/mail-catcher';
import { stubRequest } from '../../tests/support/next-request-stub';

vi.mock('next/headers', () => import('../../tests/support/next-request-stub'));

const mail = await startMailCatcher();
process.env.SMTP_URL = mail.smtpUrl;
const { requestPasswordResetAction } = await import('./actions');
const { authDb } = await import('@/lib/db/auth-db');
afterAll(() => mail.stop());

const unique = () => randomUUID().slice(0, 8);
const randomIp = () => `203.0.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 256)}`;

async function askReset(email: string, ip: string) {
  stubRequest({ host: 'localhost:3000', origin: 'http://localhost:3000', 'x-forwarded-for': ip });
  const form = new FormData();
  form.set('email', email);
  return requestPasswordResetAction({ status: 'idle' }, form);
}

async function existingAddress(): Promise<string> {
  const email = `reset-${unique()}@example.test`;
  await authDb().user.create({ data: { email } });
  return email;
}

beforeEach(() => mail.clear());

describe('password-reset requests', () => {
  it('15 requests for one address in a few seconds send 3 emails; the rest are told to wait', async () => {
    const email = await existingAddress();
    const ip = randomIp();
    const answers = [];
    for (let i = 0; i < 15; i += 1) answers.push(await askReset(email, ip));

    expect(mail.messages(email)).toHaveLength(3);
    expect(answers.slice(0, 3).map((answer) => answer.status)).toEqual(['ok', 'ok', 'ok']);
    for (const answer of answers.slice(3)) {
      expect(answer).toMatchObject({ status: 'error', message: expect.stringMatching(/^Too many .* Try again in/) });
    }
  });

  it('+tag variants of the address share its budget; an email goes to the address as typed', async () => {
    const email = await existingAddress();
    const [local, domain = ''] = email.split('@');
    const tagged = `${local}+work@${domain}`;
    await authDb().user.create({ data: { email: tagged } });
    const answers = [await askReset(tagged, randomIp())];
    for (let i = 0; i < 2; i += 1) answers.push(await askReset(email, randomIp()));
    for (let i = 0; i < 4; i += 1) answers.push(await askReset(`${local}+${i}@${domain.toUpperCase()}`, randomIp()));
    expect(answers.map((answer) => answer.status)).toEqual(['ok', 'ok', 'ok', 'error', 'error', 'error', 'error']);
    expect(mail.messages(tagged)).toHaveLength(1);
    expect(mail.messages(email)).toHaveLength(2);
  });

  it('an unknown address is limited the same way, so the answers tell nothing', async () => {
    const [known, unknown] = [await existingAddress(), `nobody-${unique()}@example.test`];
    const answersFor = async (email: string) => {
      const ip = randomIp();
      const answers = [];
      for (let i = 0; i < 5; i += 1) answers.push(await askReset(email, ip));
      // The success message names the address; everything else must be the same.
      return answers.map((answer) => (answer.status === 'error' ? answer.message : answer.status));
    };
    expect(await answersFor(unknown)).toEqual(await answersFor(known));
  });

  it('one network asking for many addresses gets 20 emails an hour', async () => {
    const ip = randomIp();
    const addresses = await Promise.all(Array.from({ length: 25 }, existingAddress));
    const answers = [];
    for (const email of addresses) answers.push(await askReset(email, ip));

    expect(mail.messages()).toHaveLength(20);
    expect(answers.at(-1)).toMatchObject({ status: 'error', message: expect.stringMatching(/network/) });
    // Another network is not affected.
    expect(await askReset(addresses[0] as string, randomIp())).toMatchObject({ status: 'ok' });
  });
});
