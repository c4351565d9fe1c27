// Flooding sign-in links: next-auth asks our signIn callback before it sends each one
// (verificationRequest), and the callback answers with the sign-in page's error after 3 per address.
import { randomUUID } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { stubRequest } from '../../tests/support/next-request-stub';
import { authOptions } from './auth-options';

vi.mock('next/headers', () => import('../../tests/support/next-request-stub'));

const unique = () => randomUUID().slice(0, 8);

async function askForLink(email: string, ip: string) {
  stubRequest({ host: 'localhost:3000', 'x-forwarded-for': ip });
  const signIn = authOptions().callbacks?.signIn;
  if (!signIn) throw new Error('no signIn callback');
  // What next-auth passes for an address with no account yet: the address as the user.
  const user = { id: email, email, emailVerified: null };
  const account = { provider: 'email', type: 'email' as const, providerAccountId: email, userId: email };
  return signIn({ user, account, email: { verificationRequest: true } });
}

describe('sign-in link requests', () => {
  it('3 links per address in 15 minutes; the 4th request goes back to the sign-in page with the reason', async () => {
    const email = `link-${unique()}@example.test`;
    const answers = [];
    for (let i = 0; i < 6; i += 1) answers.push(await askForLink(email, `198.19.0.${i}`));
    expect(answers.slice(0, 3)).toEqual([true, true, true]);
    for (const answer of answers.slice(3)) {
      expect(String(answer)).toMatch(/^http:\/\/localhost:3000\/signin\?error=TooManyRequests-15$/);
    }
  });

  it('+tag variants and another case reach the same mailbox, so they share its budget', async () => {
    const id = unique();
    const answers = [];
    for (let i = 0; i < 3; i += 1) answers.push(await askForLink(`victim-${id}@example.test`, `198.19.1.${i}`));
    expect(answers).toEqual([true, true, true]);
    for (let i = 0; i < 4; i += 1) {
      const variant = i === 3 ? `Victim-${id}@Example.TEST` : `victim-${id}+${i}@example.test`;
      expect(String(await askForLink(variant, `198.19.2.${i}`))).toMatch(/error=TooManyRequests-15$/);
    }
  });

  it('Gmail addresses with dots, or at googlemail.com, share the budget too', async () => {
    const id = unique().replace(/\d/g, 'x');
    const spelled = [`${id}@gmail.com`, `${id.slice(0, 3)}.${id.slice(3)}@gmail.com`, `${id}@googlemail.com`];
    for (const [i, email] of spelled.entries()) expect(await askForLink(email, `198.19.3.${i}`)).toBe(true);
    expect(String(await askForLink(`${id}+x@googlemail.com`, '198.19.3.9'))).toMatch(/TooManyRequests-15$/);
  });

  it('one network gets 20 links an hour, across addresses', async () => {
    const ip = `10.77.${Math.floor(Math.random() * 256)}.1`;
    const answers = [];
    for (let i = 0; i < 21; i += 1) answers.push(await askForLink(`link-${unique()}@example.test`, ip));
    expect(answers.filter((answer) => answer === true)).toHaveLength(20);
    expect(String(answers[20])).toMatch(/error=TooManyFromNetwork-60$/);
  });
});
