// Setting up an authenticator app: a new secret is stored unconfirmed (sealed) and shown once as a
// QR code and as text; a code typed from the app confirms it and yields ten recovery codes. An
// unconfirmed secret older than ten minutes is no longer shown or accepted: start again.
import 'server-only';
import { recordAccountEvent } from '../../accounts/record-account-event';
import { authDb } from '../../db/auth-db';
import { replaceRecoveryCodes } from './recovery-codes';
import { matchingTotpStep, newTotpSecret, totpUri } from './totp-code';
import { openTotpSecret, sealTotpSecret } from './totp-secret';

export const ENROLMENT_TTL_MS = 10 * 60_000;

export type TotpStatus =
  | { state: 'off' }
  | { state: 'enrolling'; secret: string; uri: string }
  | { state: 'on'; since: Date };

export async function beginTotpEnrolment(userId: string, email: string): Promise<{ secret: string; uri: string }> {
  const secret = newTotpSecret();
  const secretEncrypted = sealTotpSecret(secret, userId);
  // Never over a confirmed one: removing the factor is its own, checked, step.
  await authDb().userTotp.deleteMany({ where: { userId, confirmedAt: null } });
  await authDb().userTotp.create({ data: { userId, secretEncrypted }, select: { userId: true } });
  return { secret, uri: totpUri(secret, email) };
}

export async function totpStatus(userId: string, email: string): Promise<TotpStatus> {
  const totp = await authDb().userTotp.findFirst({ where: { userId } });
  if (!totp) return { state: 'off' };
  if (totp.confirmedAt) return { state: 'on', since: totp.confirmedAt };
  if (totp.createdAt.getTime() < Date.now() - ENROLMENT_TTL_MS) return { state: 'off' };
  const secret = openTotpSecret(totp.secretEncrypted, userId);
  return { state: 'enrolling', secret, uri: totpUri(secret, email) };
}

/** `sessionId`: the session turning it on, whose workspaces hear of it (the account log). */
export async function confirmTotpEnrolment(
  userId: string,
  code: string,
  sessionId: string | null = null,
): Promise<{ ok: true; recoveryCodes: string[] } | { ok: false; error: string }> {
  const pending = await authDb().userTotp.findFirst({
    where: { userId, confirmedAt: null, createdAt: { gt: new Date(Date.now() - ENROLMENT_TTL_MS) } },
    select: { secretEncrypted: true },
  });
  if (!pending) return { ok: false, error: 'Start the set-up again: it expired or was finished elsewhere.' };
  const step = await matchingTotpStep(openTotpSecret(pending.secretEncrypted, userId), code.trim(), null);
  if (step === null)
    return { ok: false, error: 'That code is not right. Check the time on your device and try again.' };
  const recoveryCodes = await recordAccountEvent({ userId, sessionId }, async (tx) => {
    const confirmed = await tx.userTotp.updateMany({
      where: { userId, confirmedAt: null },
      data: { confirmedAt: new Date(), lastUsedStep: step },
    });
    if (confirmed.count !== 1) return { result: null, event: null };
    const codes = await replaceRecoveryCodes(userId, tx);
    return { result: codes, event: { action: 'two_factor.enrolled', details: { factor: 'totp' } } };
  });
  return recoveryCodes ? { ok: true, recoveryCodes } : { ok: false, error: 'Two-factor authentication is already on.' };
}

/** Turns the factor off: the secret and every recovery code go. */
export async function removeTotp(userId: string, sessionId: string | null = null): Promise<void> {
  await recordAccountEvent({ userId, sessionId }, async (tx) => {
    const removed = await tx.userTotp.deleteMany({ where: { userId } });
    await tx.userRecoveryCode.deleteMany({ where: { userId } });
    return {
      result: undefined,
      event: removed.count > 0 ? { action: 'two_factor.removed', details: { factor: 'totp' } } : null,
    };
  });
}
