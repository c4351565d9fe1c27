// "Last used" for the settings page, written through the key's own workspace and at most once a
// minute per key, so a busy script does not turn every read into a write: the statement only
// matches a stale row, and this process does not even send it within a minute of its last one
// (bench:api measured the statement on every request).
import 'server-only';
import { LRUCache } from 'lru-cache';
import { tenantDb } from '../db/tenant-db';

const INTERVAL_MS = 60_000;
const recentlyRecorded = new LRUCache<string, true>({ max: 10_000, ttl: INTERVAL_MS });

export async function recordApiKeyUse(tenantId: string, keyId: string, now: Date = new Date()): Promise<void> {
  if (recentlyRecorded.has(keyId)) return;
  recentlyRecorded.set(keyId, true);
  const staleBefore = new Date(now.getTime() - INTERVAL_MS);
  await tenantDb(tenantId).apiKey.updateMany({
    where: { id: keyId, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: staleBefore } }] },
    data: { lastUsedAt: now },
  });
}
