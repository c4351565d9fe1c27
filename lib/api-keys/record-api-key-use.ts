// "Last used" for the settings page, written through the key's own workspace and at most once a
// minute per key, so a busy script does not turn every read into a write.
import 'server-only';
import { tenantDb } from '../db/tenant-db';

const INTERVAL_MS = 60_000;

export async function recordApiKeyUse(tenantId: string, keyId: string, now: Date = new Date()): Promise<void> {
  const staleBefore = new Date(now.getTime() - INTERVAL_MS);
  await tenantDb(tenantId).apiKey.updateMany({
    where: { id: keyId, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: staleBefore } }] },
    data: { lastUsedAt: now },
  });
}
