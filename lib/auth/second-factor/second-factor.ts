// What a second factor is to the sign-in's second step (docs/decisions/018). A factor says whether
// a user has it set up, whether a proof is of its kind, and checks (and uses up) a proof. The
// pending sign-in (./pending-sign-in.ts) does the rest: the ticket, the attempt limit, expiry, the
// session and its amr. A passkey factor adds itself to SECOND_FACTORS; nothing else changes.
import 'server-only';
import { recoveryCodeFactor } from './recovery-code-factor';
import { totpFactor } from './totp-factor';

export type SecondFactorVerifier = {
  /** Names the factor in audit events and in the sign-in form ("totp", "recovery_code", "webauthn"). */
  kind: string;
  /** What the session's amr records when this factor completes a sign-in ("otp", "recovery", "hwk"). */
  amr: string;
  /** Whether `proof` (what the form sent) is of this factor's shape; the first factor that accepts it checks it. */
  accepts(proof: string): boolean;
  /** True when the user has this factor: a sign-in then owes a second step. */
  isEnrolled(userId: string): Promise<boolean>;
  /**
   * Checks the proof for this user and uses it up (a TOTP step, a recovery code, a WebAuthn
   * challenge). `pendingSignInId` identifies the sign-in's ticket, for factors that bound a
   * challenge to it; null when a signed-in user proves a factor (to remove it, for instance).
   */
  verify(userId: string, proof: string, context: { pendingSignInId: string | null }): Promise<boolean>;
};

export const SECOND_FACTORS: readonly SecondFactorVerifier[] = [totpFactor, recoveryCodeFactor];

/** Whether signing this user in owes a second step. */
export async function owesSecondFactor(userId: string): Promise<boolean> {
  for (const factor of SECOND_FACTORS) if (await factor.isEnrolled(userId)) return true;
  return false;
}

/** A signed-in user proves a second factor (removing it, new recovery codes): the factor that did, or null. */
export async function proveSecondFactor(userId: string, proof: string): Promise<SecondFactorVerifier | null> {
  const factor = SECOND_FACTORS.find((candidate) => candidate.accepts(proof));
  return factor && (await factor.verify(userId, proof, { pendingSignInId: null })) ? factor : null;
}

/** amr values that count as a second factor on a session. */
// 'mfa': a passkey sign-in whose authenticator verified its user (PIN, biometric): docs/decisions/019.
export const SECOND_FACTOR_AMR: readonly string[] = ['otp', 'recovery', 'mfa'];

export function hasSecondFactor(amr: readonly string[]): boolean {
  return amr.some((value) => SECOND_FACTOR_AMR.includes(value));
}
