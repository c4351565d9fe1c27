// How many second-step codes one network may try (docs/decisions/017 and 018): 30 unsuccessful in
// 15 minutes, across every account and pending sign-in. A ticket's 5 attempts and a user's 20
// (lib/auth/second-factor/pending-sign-in.ts) bound one account; this bounds one network working
// through many accounts whose passwords it has. Counted before the code is checked, so parallel
// attempts cannot slip past; a right code gives its attempt back.
import 'server-only';
import type { Redis } from 'ioredis';
import { type LimitRefusal, refusal } from './limit-refusal';
import { rateLimitRedis } from './redis-connection';
import { windowCounter } from './window-counter';

export const SECOND_STEP_POLICY = { network: { failures: 30, windowSeconds: 15 * 60 } };

export type SecondStepAttempt = { refusal: LimitRefusal } | { refusal: null; succeeded: () => Promise<void> };

export function secondStepLimits(policy = SECOND_STEP_POLICY, redis: Redis | null = rateLimitRedis()) {
  const failures = windowCounter('second-step:network', policy.network.windowSeconds, redis);
  return {
    async begin(clientIp: string): Promise<SecondStepAttempt> {
      const fromNetwork = await failures.hit(clientIp);
      if (fromNetwork.count > policy.network.failures) return { refusal: refusal('network', fromNetwork.msLeft) };
      return { refusal: null, succeeded: () => failures.subtract(clientIp) };
    },
  };
}

let limits: ReturnType<typeof secondStepLimits> | undefined;

export function defaultSecondStepLimits(): ReturnType<typeof secondStepLimits> {
  limits ??= secondStepLimits();
  return limits;
}
