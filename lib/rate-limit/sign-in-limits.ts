// How many password guesses an account and a network get (docs/decisions/017). Every attempt is
// counted before its password is checked, so parallel guesses cannot slip past the count.
//  - Per account (any address, with an account or not): the first 4 attempts in an hour are free;
//    from the 5th on, an attempt is let through only once per lock of 1, 2, 4, 8, then 15 minutes
//    (the cap), so the owner is never locked out for longer than 15 minutes after the attacker's
//    last guess. A successful sign-in (or password reset) clears the account's count.
//  - Per network: 50 unsuccessful attempts in 15 minutes, across all accounts.
// "Account" means the mailbox (./canonical-mailbox.ts): victim+1@ spends victim@'s attempts. So only
// an account whose mailbox is proven clears the count by signing in: anyone can sign up
// victim+evil@ with a password of their own, and must not lift victim@'s lock with it.
import 'server-only';
import type { Redis } from 'ioredis';
import { canonicalMailbox } from './canonical-mailbox';
import { type LimitRefusal, refusal } from './limit-refusal';
import { rateLimitRedis } from './redis-connection';
import { windowCounter } from './window-counter';

export const SIGN_IN_POLICY = {
  account: { freeAttempts: 4, windowSeconds: 60 * 60, firstLockSeconds: 60, maxLockSeconds: 15 * 60 },
  network: { failures: 50, windowSeconds: 15 * 60 },
};

export type SignInPolicy = typeof SIGN_IN_POLICY;
/** `mailboxProven`: the account signed in has a proven mailbox (users.email_verified). */
export type AttemptSucceeded = (account: { mailboxProven: boolean }) => Promise<void>;
export type SignInAttempt = { refusal: LimitRefusal } | { refusal: null; succeeded: AttemptSucceeded };

/** `redis`: the shared connection unless a test passes its own (or null). */
export function signInLimits(policy: SignInPolicy = SIGN_IN_POLICY, redis: Redis | null = rateLimitRedis()) {
  const { account, network } = policy;
  const attempts = windowCounter('sign-in:attempts', account.windowSeconds, redis);
  const locks = windowCounter('sign-in:locks', account.windowSeconds, redis);
  // One hit per lock: the attempt that makes the first hit of a window is let through.
  const gate = windowCounter('sign-in:gate', account.firstLockSeconds, redis);
  const failures = windowCounter('sign-in:network', network.windowSeconds, redis);

  async function forgive(email: string): Promise<void> {
    const mailbox = canonicalMailbox(email);
    await Promise.all([attempts.clear(mailbox), locks.clear(mailbox), gate.clear(mailbox)]);
  }

  return {
    forgive,
    async begin(email: string, clientIp: string): Promise<SignInAttempt> {
      const fromNetwork = await failures.hit(clientIp);
      if (fromNetwork.count > network.failures) return { refusal: refusal('network', fromNetwork.msLeft) };
      const mailbox = canonicalMailbox(email);
      const { count } = await attempts.hit(mailbox);
      if (count > account.freeAttempts) {
        const locksSoFar = (await locks.peek(mailbox)).count;
        const lockSeconds = Math.min(account.firstLockSeconds * 2 ** locksSoFar, account.maxLockSeconds);
        const passage = await gate.hit(mailbox, lockSeconds);
        if (passage.count > 1) return { refusal: refusal('account', passage.msLeft) };
        await locks.hit(mailbox);
      }
      return {
        refusal: null,
        succeeded: async ({ mailboxProven }) => {
          await Promise.all([mailboxProven ? forgive(email) : null, failures.subtract(clientIp)]);
        },
      };
    },
  };
}

let limits: ReturnType<typeof signInLimits> | undefined;

export function defaultSignInLimits(): ReturnType<typeof signInLimits> {
  limits ??= signInLimits();
  return limits;
}
