// Idempotency-Key on POST: the first request with a key runs and its answer is stored (per
// workspace, for 24 hours); the same key with the same request gets the same answer without running
// again; with a different request 422; while the first still runs 409. The key is claimed before
// the work starts (an insert that the primary key lets only one request win), so two concurrent
// retries cannot both create. A refused or failed request releases the key: nothing was changed,
// so it may be retried.
import 'server-only';
import type { TenantDb } from '../db/tenant-db';
import { ApiProblem } from './api-problem';

export type StoredAnswer = { status: number; body: string | null };

const KEY = /^[\x21-\x7e]{1,255}$/;
/** How long a stored answer is replayed; older rows are swept hourly (./forget-expired-idempotency-keys.ts). */
export const IDEMPOTENCY_KEPT_MS = 24 * 3_600_000;

export async function withIdempotency(
  db: TenantDb,
  key: string | null,
  fingerprint: string,
  run: () => Promise<StoredAnswer>,
): Promise<StoredAnswer & { replayed: boolean }> {
  if (key === null) return { ...(await run()), replayed: false };
  if (!KEY.test(key)) {
    throw new ApiProblem(400, 'invalid_idempotency_key', 'Idempotency-Key must be 1–255 visible ASCII characters.');
  }
  await db.apiIdempotencyKey.deleteMany({
    where: { key, createdAt: { lt: new Date(Date.now() - IDEMPOTENCY_KEPT_MS) } },
  });
  const claimed = await db.apiIdempotencyKey.createMany({
    data: [{ key, requestHash: fingerprint }],
    skipDuplicates: true,
  });
  if (claimed.count === 0) return { ...(await earlierAnswer(db, key, fingerprint)), replayed: true };
  try {
    const answer = await run();
    await db.apiIdempotencyKey.updateMany({
      where: { key },
      data: { status: answer.status, responseBody: answer.body },
    });
    return { ...answer, replayed: false };
  } catch (error) {
    await db.apiIdempotencyKey.deleteMany({ where: { key, status: null } });
    throw error;
  }
}

async function earlierAnswer(db: TenantDb, key: string, fingerprint: string): Promise<StoredAnswer> {
  const earlier = await db.apiIdempotencyKey.findFirst({ where: { key } });
  if (!earlier)
    throw new ApiProblem(409, 'idempotency_key_in_use', 'A request with this Idempotency-Key just ended; retry.');
  if (earlier.requestHash !== fingerprint) {
    throw new ApiProblem(422, 'idempotency_key_reused', 'This Idempotency-Key was used for a different request.');
  }
  if (earlier.status === null) {
    throw new ApiProblem(409, 'idempotency_key_in_use', 'A request with this Idempotency-Key is still running.');
  }
  return { status: earlier.status, body: earlier.responseBody };
}
