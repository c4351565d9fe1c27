// Guessing passwords through next-auth's credentials provider (the authorize that
// /api/auth/callback/password runs), with the limits of docs/decisions/017 on real Redis.
import { randomUUID } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { closedPort } from '../../tests/support/closed-port';
import { authDb } from '../db/auth-db';
import { connectRateLimitRedis } from '../rate-limit/redis-connection';
import { SIGN_IN_POLICY, type SignInPolicy, signInLimits } from '../rate-limit/sign-in-limits';
import { hashPassword } from './password';
import { signInWithPassword } from './password-sign-in';
import { signInProviders } from './sign-in-providers';
import { setPasswordHash } from './user-password';

const RIGHT = 'the right password';
const unique = () => randomUUID().slice(0, 8);
const randomIp = () => `198.51.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 256)}`;

type Authorize = (credentials: Record<string, string>, request: { headers: Record<string, string> }) => unknown;

function passwordAuthorize(): Authorize {
  const provider = signInProviders().find((candidate) => candidate.type === 'credentials');
  const options: unknown = provider && 'options' in provider ? provider.options : undefined;
  if (typeof options !== 'object' || !options || !('authorize' in options)) throw new Error('no password provider');
  return options.authorize as Authorize;
}

/** What next-auth makes of one attempt: signed in, CredentialsSignin (null), or the error it redirects with. */
async function attempt(email: string, password: string, ip: string): Promise<string> {
  try {
    const user = await passwordAuthorize()({ email, password }, { headers: { 'x-forwarded-for': ip } });
    return user ? 'signed-in' : 'CredentialsSignin';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** An account with RIGHT as its password; `proven`: its mailbox was proven (a link, a reset). */
async function newAccount(email = `guess-${unique()}@example.test`, proven = true): Promise<string> {
  const user = await authDb().user.create({
    data: { email, emailVerified: proven ? new Date() : null },
    select: { id: true },
  });
  await setPasswordHash(user.id, await hashPassword(RIGHT));
  return email;
}

describe('password guessing for one account', () => {
  it('50 wrong passwords: 5 are answered, the rest refused for the account, and then so is the right one', async () => {
    const email = await newAccount();
    const ip = randomIp();
    const answers: string[] = [];
    for (let i = 0; i < 50; i += 1) answers.push(await attempt(email, `wrong guess ${i}`, ip));

    expect(answers.slice(0, 5)).toEqual(Array(5).fill('CredentialsSignin'));
    for (const answer of answers.slice(5)) expect(answer).toMatch(/^TooManyAttempts-\d+$/);
    // 50 unsuccessful attempts are also all this network gets in 15 minutes.
    expect(await attempt(email, RIGHT, ip)).toBe('TooManyFromNetwork-15');
    // The account's lock holds from any network: 1 minute after the 5th attempt.
    expect(await attempt(email, RIGHT, randomIp())).toBe('TooManyAttempts-1');
  });

  it('an address without an account gets the same answers, so the limit tells nothing', async () => {
    const [known, unknown] = [await newAccount(), `nobody-${unique()}@example.test`];
    const answersFor = async (email: string) => {
      const ip = randomIp();
      const answers: string[] = [];
      for (let i = 0; i < 8; i += 1) answers.push(await attempt(email, `wrong guess ${i}`, ip));
      return answers;
    };
    expect(await answersFor(unknown)).toEqual(await answersFor(known));
  });
});

describe('one mailbox written differently', () => {
  it('guesses at +tag variants count against the mailbox: the right password is then refused too', async () => {
    const email = await newAccount();
    const [local, domain] = email.split('@');
    const answers = [];
    for (let i = 0; i < 6; i += 1) answers.push(await attempt(`${local}+${i}@${domain}`, RIGHT, randomIp()));
    expect(answers.slice(0, 5)).toEqual(Array(5).fill('CredentialsSignin')); // no such accounts
    expect(answers[5]).toBe('TooManyAttempts-1');
    expect(await attempt(email.toUpperCase(), RIGHT, randomIp())).toBe('TooManyAttempts-1');
  });

  it('signing in to an unproven +tag account of the mailbox does not lift its lock', async () => {
    const victim = await newAccount();
    const [local, domain] = victim.split('@');
    // Sign-up proves no mailbox: anyone can open victim+evil@… with a password of their own.
    const planted = await newAccount(`${local}+evil@${domain}`, false);
    const answers = [];
    for (let i = 0; i < 3; i += 1) answers.push(await attempt(victim, `wrong guess ${i}`, randomIp()));
    answers.push(await attempt(planted, RIGHT, randomIp()));
    for (let i = 3; i < 5; i += 1) answers.push(await attempt(victim, `wrong guess ${i}`, randomIp()));
    expect(answers).toEqual([
      ...Array(3).fill('CredentialsSignin'),
      'signed-in',
      'CredentialsSignin',
      'TooManyAttempts-1',
    ]);
  });
});

describe('the same limits with seconds for minutes (real Redis TTLs)', () => {
  // 2 free attempts, then locks of 1 s, then 2 s (the cap); 3 failures per network.
  const SHORT: SignInPolicy = {
    account: { freeAttempts: 2, windowSeconds: 60, firstLockSeconds: 1, maxLockSeconds: 2 },
    network: { failures: 3, windowSeconds: 60 },
  };
  const limits = signInLimits(SHORT);
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  async function shortAttempt(email: string, password: string, ip = randomIp()): Promise<string> {
    const result = await signInWithPassword({ email, password }, ip, limits);
    if (result.ok) return 'signed-in';
    return result.refusal ? `${result.refusal.scope} ${result.refusal.retryAfterSeconds}s` : 'wrong';
  }

  it('locks grow to the cap and no further; after the lock the owner signs in, and the count starts again', async () => {
    const email = await newAccount();
    expect(await shortAttempt(email, 'guess 1')).toBe('wrong');
    expect(await shortAttempt(email, 'guess 2')).toBe('wrong');
    expect(await shortAttempt(email, 'guess 3')).toBe('wrong'); // opens a 1 s lock
    expect(await shortAttempt(email, RIGHT)).toBe('account 1s');
    await sleep(1_100);
    expect(await shortAttempt(email, 'guess 4')).toBe('wrong'); // opens a 2 s lock
    expect(await shortAttempt(email, RIGHT)).toBe('account 2s');
    await sleep(2_100);
    expect(await shortAttempt(email, 'guess 5')).toBe('wrong'); // 4 s would come next: capped at 2 s
    expect(await shortAttempt(email, RIGHT)).toBe('account 2s');
    await sleep(2_100);
    expect(await shortAttempt(email, RIGHT)).toBe('signed-in');
    // A successful sign-in forgave the failures: the free attempts are back.
    expect(await shortAttempt(email, 'guess 6')).toBe('wrong');
    expect(await shortAttempt(email, 'guess 7')).toBe('wrong');
  });

  it('guesses sent all at once get no more through than guesses sent one by one', async () => {
    const email = await newAccount();
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => shortAttempt(email, `guess ${i}`)));
    expect(answers.filter((answer) => answer === 'wrong')).toHaveLength(3);
    expect(answers.filter((answer) => answer.startsWith('account'))).toHaveLength(17);
  });

  it('one network spraying one password over many addresses is stopped after 3 failures; other networks are not', async () => {
    // A network of its own (an IPv6 /64 no other test draws), so no other test's failure counts here.
    const ip = `2001:db8:${randomUUID().slice(0, 4)}:${randomUUID().slice(0, 4)}::1`;
    const answers = [];
    for (let i = 0; i < 5; i += 1)
      answers.push(await shortAttempt(`spray-${unique()}@example.test`, 'Summer2026!', ip));
    // Each attempt costs an argon2 check, so under load the window may have ticked a second by now.
    const rounded = answers.map((answer) => answer.replace(/^network (59|60)s$/, 'network 60s'));
    expect(rounded).toEqual(['wrong', 'wrong', 'wrong', 'network 60s', 'network 60s']);
    expect(await shortAttempt(await newAccount(), RIGHT)).toBe('signed-in');
  });

  it('a successful sign-in does not use up the network’s budget', async () => {
    const [email, ip] = [await newAccount(), randomIp()];
    for (let i = 0; i < 5; i += 1) expect(await shortAttempt(email, RIGHT, ip)).toBe('signed-in');
    expect(await shortAttempt(email, 'a typo', ip)).toBe('wrong');
  });
});

describe('Redis configured but down', () => {
  it('the same limits hold, counted in this process (the insurance limiter), with a warning in the log', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const redis = connectRateLimitRedis(`redis://127.0.0.1:${await closedPort()}`);
    const limits = signInLimits(SIGN_IN_POLICY, redis);
    const [email, ip] = [await newAccount(), randomIp()];
    const answers = [];
    for (let i = 0; i < 8; i += 1)
      answers.push(await signInWithPassword({ email, password: `guess ${i}` }, ip, limits));
    answers.push(await signInWithPassword({ email, password: RIGHT }, ip, limits));

    expect(answers.slice(0, 5)).toEqual(Array(5).fill({ ok: false, refusal: null }));
    for (const answer of answers.slice(5)) expect(answer).toMatchObject({ ok: false, refusal: { scope: 'account' } });
    expect(warn.mock.calls.some(([line]) => String(line).startsWith('[rate-limit] Redis unreachable'))).toBe(true);
    redis.disconnect();
    warn.mockRestore();
  });
});
