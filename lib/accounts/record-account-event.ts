// One line of a person's own account log (account_events): changes to how they sign in, which
// belong to no workspace (a workspace's audit log would tell its admins about a person's other
// accounts and devices). auth_user may add and read lines, never rewrite them. Call it with the
// transaction that makes the change, so both commit or neither.
import 'server-only';
import type { TenantTransaction } from '../db/tenant-db';

export type AccountEventAction = 'passkey.added' | 'passkey.removed';

export async function recordAccountEvent(
  tx: Pick<TenantTransaction, 'accountEvent'>,
  entry: { userId: string; action: AccountEventAction; details?: Record<string, string | number | boolean | null> },
): Promise<void> {
  await tx.accountEvent.create({
    data: { userId: entry.userId, action: entry.action, details: entry.details ?? undefined },
    select: { id: true },
  });
}
