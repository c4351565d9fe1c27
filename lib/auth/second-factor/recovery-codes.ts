// Recovery codes: ten at a time, shown once, each good for one sign-in. 80 random bits each, so
// their SHA-256 is enough (no slow hash needed to stop a dump being reversed), and a lookup by hash
// finds the code. Typed in any case, with or without dashes.
import 'server-only';
import { randomBytes } from 'node:crypto';
import { base32 } from '@otplib/plugin-base32-scure';
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

/** Marks the code used if it is one of the user's unused codes; true then. Concurrent uses: one wins. */
export async function useRecoveryCode(userId: string, input: string): Promise<boolean> {
  const code = normalRecoveryCode(input);
  if (!code) return false;
  const used = await authDb().userRecoveryCode.updateMany({
    where: { userId, codeHash: hashToken(code), usedAt: null },
    data: { usedAt: new Date() },
  });
  return used.count === 1;
}

export function unusedRecoveryCodeCount(userId: string): Promise<number> {
  return authDb().userRecoveryCode.count({ where: { userId, usedAt: null } });
}
