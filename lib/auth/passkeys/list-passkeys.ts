// A user's passkeys, for the account page: names and dates, never keys or counters.
import 'server-only';
import { authDb } from '../../db/auth-db';

export type PasskeySummary = { id: string; name: string; createdAt: Date; lastUsedAt: Date | null; synced: boolean };

export async function listPasskeys(userId: string): Promise<PasskeySummary[]> {
  const passkeys = await authDb().passkey.findMany({
    where: { userId },
    orderBy: { createdAt: 'asc' },
    select: { id: true, name: true, createdAt: true, lastUsedAt: true, deviceType: true },
  });
  return passkeys.map(({ deviceType, ...passkey }) => ({ ...passkey, synced: deviceType === 'multiDevice' }));
}
