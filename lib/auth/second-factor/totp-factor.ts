// The authenticator-app factor: a current code for the user's confirmed secret, at a time step
// later than the last one accepted. Claiming the step is one conditional UPDATE, so the same code
// sent twice at once is accepted once.
import 'server-only';
import { authDb } from '../../db/auth-db';
import type { SecondFactorVerifier } from './second-factor';
import { matchingTotpStep } from './totp-code';
import { openTotpSecret } from './totp-secret';

/** True when the code is right now and not used before; the step is then used up. */
export async function verifyTotpCode(userId: string, code: string): Promise<boolean> {
  const totp = await authDb().userTotp.findFirst({
    where: { userId, confirmedAt: { not: null } },
    select: { secretEncrypted: true, lastUsedStep: true },
  });
  if (!totp) return false;
  const step = await matchingTotpStep(openTotpSecret(totp.secretEncrypted, userId), code, totp.lastUsedStep);
  if (step === null) return false;
  const claimed = await authDb().userTotp.updateMany({
    where: { userId, OR: [{ lastUsedStep: null }, { lastUsedStep: { lt: step } }] },
    data: { lastUsedStep: step },
  });
  return claimed.count === 1;
}

export const totpFactor: SecondFactorVerifier = {
  kind: 'totp',
  amr: ['otp'],
  accepts: (proof) => /^\d{6}$/.test(proof.trim()),
  async isEnrolled(userId) {
    return (await authDb().userTotp.count({ where: { userId, confirmedAt: { not: null } } })) > 0;
  },
  verify: (userId, proof) => verifyTotpCode(userId, proof.trim()),
};
