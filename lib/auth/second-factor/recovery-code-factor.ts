// A recovery code stands in for the authenticator app, once. It is no factor of its own: having
// codes never makes a sign-in owe a second step (the app does).
import 'server-only';
import { normalRecoveryCode, useRecoveryCode } from './recovery-codes';
import type { SecondFactorVerifier } from './second-factor';

export const recoveryCodeFactor: SecondFactorVerifier = {
  kind: 'recovery_code',
  amr: ['recovery'],
  accepts: (proof) => normalRecoveryCode(proof) !== null,
  isEnrolled: async () => false,
  verify: (userId, proof) => useRecoveryCode(userId, proof),
};
