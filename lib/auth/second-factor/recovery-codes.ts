// Recovery codes: ten at a time, shown once, each good for one sign-in. 80 random bits each, so
// their SHA-256 is enough (no slow hash needed to stop a dump being reversed), and a lookup by hash
// finds the code. Typed in any case, with or without dashes.
import 'server-only';
import { randomBytes } from 'node:crypto';
import { base32 } from '@otplib/plugin-base32-scure';
import { recordAccountEvent } from '../../accounts/record-account-event';
import { authDb } from '../../db/auth-db';
import type { TenantTransaction } from '../../db/tenant-db';
import { hashToken } from '../random-token';

export const RECOVERY_CODE_COUNT = 10;

type AuthClient = ReturnType<typeof authDb> | TenantTransaction;

/** XXXX-XXXX-XXXX-XXXX, or null when the input cannot be one. */
export function normalRecoveryCode(input: string): string | null {
  const compact = input.replace(/[\s-]/g, '').toUpperCase();
  if (!/^[A-Z2-7]{16}$/.test(compact)) return null;
  return compact.match(/.{4}/g)?.join('-') ?? null;
}

/** Replaces the user's codes with ten new ones and returns them (the only time they are seen). */
export async function replaceRecoveryCodes(userId: string, db: AuthClient = authDb()): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const compact = base32.encode(randomBytes(10), { padding: false });
    return normalRecoveryCode(compact) ?? compact;
  });
  await db.userRecoveryCode.deleteMany({ where: { userId } });
  await db.userRecoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: hashToken(code) })) });
  return codes;
}

/** New codes asked for on the account page (the caller proved a factor): logged for the person. */
export function regenerateRecoveryCodes(userId: string, sessionId: string | null): Promise<string[]> {
  return recordAccountEvent({ userId, sessionId }, async (tx) => ({
    result: await replaceRecoveryCodes(userId, tx),
    event: { action: 'two_factor.recovery_codes_regenerated' },
  }));
}

/**
 * Marks the code used if it is one of the user's unused codes; true then. Concurrent uses: one wins.
 * Each use is a line in the person's account log, with how many are left.
 */
export async function useRecoveryCode(userId: string, input: string): Promise<boolean> {
  const code = normalRecoveryCode(input);
  if (!code) return false;
  return recordAccountEvent({ userId, sessionId: null }, async (tx) => {
    const used = await tx.userRecoveryCode.updateMany({
      where: { userId, codeHash: hashToken(code), usedAt: null },
      data: { usedAt: new Date() },
    });
    if (used.count !== 1) return { result: false, event: null };
    const remaining = await tx.userRecoveryCode.count({ where: { userId, usedAt: null } });
    return { result: true, event: { action: 'two_factor.recovery_code_used', details: { remaining } } };
  });
}

export function unusedRecoveryCodeCount(userId: string): Promise<number> {
  return authDb().userRecoveryCode.count({ where: { userId, usedAt: null } });
}
