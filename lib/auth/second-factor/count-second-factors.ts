// How many second factors a person has (a confirmed authenticator app, each passkey), read with the
// caller's client so a transaction sees its own change: the account log compares before and after.
import 'server-only';
import type { TenantTransaction } from '../../db/tenant-db';

export async function countSecondFactors(
  db: Pick<TenantTransaction, 'userTotp' | 'passkey'>,
  userId: string,
): Promise<number> {
  const [totp, passkeys] = await Promise.all([
    db.userTotp.count({ where: { userId, confirmedAt: { not: null } } }),
    db.passkey.count({ where: { userId } }),
  ]);
  return totp + passkeys;
}
