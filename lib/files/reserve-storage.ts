// The quota check: before an upload stores a byte, its row is created with the most bytes it may
// send, in one transaction under a per-workspace lock. Two uploads racing for the last megabytes
// therefore queue on the lock, and the second sees the first's reservation: the plan's storage can
// never be oversubscribed, whichever path (route, action, job) uploads.
import 'server-only';
import { randomUUID } from 'node:crypto';
import { entitlementsOf } from '../billing/entitlements';
import type { TenantDb } from '../db/tenant-db';
import type { FilePurpose } from './file-purposes';
import { formatBytes } from './format-bytes';
import { storageKey } from './storage-key';
import { storageUsed } from './storage-used';

export type NewFile = {
  purpose: FilePurpose;
  taskId: string | null;
  name: string;
  contentType: string;
  /** The most bytes this upload may store: what is held against the quota until it completes. */
  bytes: number;
  createdBy: string;
};

export type Reservation =
  | { ok: true; fileId: string; key: string }
  | { ok: false; reason: 'no-such-task' | 'quota'; error: string };

export const NO_SUCH_TASK = 'That task no longer exists.';

export function storageLock(tenantId: string): string {
  return `plan-limit:${tenantId}:storageBytes`;
}

export async function reserveStorage(db: TenantDb, tenantId: string, file: NewFile): Promise<Reservation> {
  return db.$transaction(async (tx): Promise<Reservation> => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${storageLock(tenantId)}))`;
    if (file.taskId && !(await tx.task.findFirst({ where: { id: file.taskId }, select: { id: true } }))) {
      return { ok: false, reason: 'no-such-task', error: NO_SUCH_TASK };
    }
    // Read in this transaction, not through the cache (as lib/billing/plan-limit.ts does).
    const entitlements = entitlementsOf(await tx.billingState.findFirst({ select: { plan: true, status: true } }));
    const allowed = entitlements.limits.storageBytes;
    const used = await storageUsed(tx);
    if (used + file.bytes > allowed) {
      const raise =
        entitlements.plan === 'free' ? 'An owner can upgrade to Pro in Settings → Billing.' : 'Contact us to raise it.';
      return {
        ok: false,
        reason: 'quota',
        error: `The ${entitlements.planName} plan includes ${formatBytes(allowed)} of file storage and ${formatBytes(used)} are used, so this file does not fit. ${raise}`,
      };
    }
    const fileId = randomUUID();
    const key = storageKey(tenantId, fileId);
    await tx.storedFile.create({
      data: {
        id: fileId,
        key,
        name: file.name,
        contentType: file.contentType,
        size: file.bytes,
        purpose: file.purpose,
        taskId: file.taskId,
        createdBy: file.createdBy,
        status: 'uploading',
      },
    });
    return { ok: true, fileId, key };
  });
}
