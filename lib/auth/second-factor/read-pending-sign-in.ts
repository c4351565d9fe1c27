// What the second-step page and the passkey options route may know about this browser's pending
// sign-in, without spending an attempt: whose it is, how it began, and which factors can complete
// it. Null when the ticket is unknown, expired or out of attempts.
import 'server-only';
import { authDb } from '../../db/auth-db';
import { hashToken } from '../random-token';
import { passkeyFactor } from './passkey-factor';
import { type FirstFactor, isFirstFactor, PENDING_SIGN_IN_MAX_ATTEMPTS } from './pending-sign-in';
import { unusedRecoveryCodeCount } from './recovery-codes';
import { totpFactor } from './totp-factor';

export type PendingSignIn = { id: string; userId: string; firstFactor: FirstFactor };
/** code: the authenticator app or a recovery code; passkey: one of the user's passkeys. */
export type SecondStepOffers = { code: boolean; passkey: boolean };

export async function readPendingSignIn(ticket: string | undefined): Promise<PendingSignIn | null> {
  if (!ticket) return null;
  const pending = await authDb().pendingSignIn.findFirst({
    where: {
      tokenHash: hashToken(ticket),
      expiresAt: { gt: new Date() },
      attempts: { lt: PENDING_SIGN_IN_MAX_ATTEMPTS },
    },
    select: { tokenHash: true, userId: true, firstFactor: true },
  });
  if (!pending || !isFirstFactor(pending.firstFactor)) return null;
  return { id: pending.tokenHash, userId: pending.userId, firstFactor: pending.firstFactor };
}

export async function secondStepOffers(pending: PendingSignIn): Promise<SecondStepOffers> {
  const [totp, codes, passkey] = await Promise.all([
    totpFactor.isEnrolled(pending.userId, pending.firstFactor),
    unusedRecoveryCodeCount(pending.userId),
    passkeyFactor.isEnrolled(pending.userId, pending.firstFactor),
  ]);
  return { code: totp || codes > 0, passkey };
}
