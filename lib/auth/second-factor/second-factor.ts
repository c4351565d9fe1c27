// What a second factor is to the sign-in's second step (docs/decisions/018). A factor says whether
// a user has it set up, whether a proof is of its kind, and checks (and uses up) a proof. The
// pending sign-in (./pending-sign-in.ts) does the rest: the ticket, the attempt limit, expiry, the
// session and its amr. Factors: the authenticator app, its recovery codes, and passkeys.
import 'server-only';
import { passkeyFactor } from './passkey-factor';
import type { FirstFactor } from './pending-sign-in';
import { recoveryCodeFactor } from './recovery-code-factor';
import { totpFactor } from './totp-factor';

export type SecondFactorVerifier = {
  /** Names the factor in the sign-in form and its result ("totp", "recovery_code", "passkey"). */
  kind: string;
  /** What the session's amr records after the first factor when this one completes a sign-in. */
  amr: readonly string[];
  /** Whether `proof` (what the form sent) is of this factor's shape; the first factor that accepts it checks it. */
  accepts(proof: string): boolean;
  /** True when the user has this factor and it can follow `firstFactor`: a sign-in then owes a second step. */
  isEnrolled(userId: string, firstFactor: FirstFactor): Promise<boolean>;
  /**
   * Checks the proof for this user and uses it up (a TOTP step, a recovery code, a WebAuthn
   * challenge). `pendingSignInId` identifies the sign-in's ticket and `firstFactor` how it began;
   * both null when a signed-in user proves a factor (to remove it, for instance).
   */
  verify(
    userId: string,
    proof: string,
    context: { pendingSignInId: string | null; firstFactor: FirstFactor | null },
  ): Promise<boolean>;
};

export const SECOND_FACTORS: readonly SecondFactorVerifier[] = [totpFactor, recoveryCodeFactor, passkeyFactor];

/** Whether signing this user in with `firstFactor` owes a second step. */
export async function owesSecondFactor(userId: string, firstFactor: FirstFactor = 'pwd'): Promise<boolean> {
  for (const factor of SECOND_FACTORS) if (await factor.isEnrolled(userId, firstFactor)) return true;
  return false;
}

/** A signed-in user proves a second factor (removing it, new recovery codes): the factor that did, or null. */
export async function proveSecondFactor(userId: string, proof: string): Promise<SecondFactorVerifier | null> {
  const factor = SECOND_FACTORS.find((candidate) => candidate.accepts(proof));
  return factor && (await factor.verify(userId, proof, { pendingSignInId: null, firstFactor: null })) ? factor : null;
}

/** amr values that count as a second factor on a session. */
// 'mfa': a passkey sign-in whose authenticator verified its user (PIN, biometric): docs/decisions/019,
// or a passkey that was the second step after another first factor.
export const SECOND_FACTOR_AMR: readonly string[] = ['otp', 'recovery', 'mfa'];

export function hasSecondFactor(amr: readonly string[]): boolean {
  return amr.some((value) => SECOND_FACTOR_AMR.includes(value));
}
