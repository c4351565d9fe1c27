// The id of the workspace a slug names, for proxy.ts's per-workspace rate limit: one indexed
// lookup, then in-process for a minute. Slugs are never renamed, so an answer only goes stale when
// its workspace is deleted, and then the worst a stale id does is count a few requests under the
// deleted workspace's budget. Unknown slugs are not remembered: the page behind answers 404, and a
// workspace created a moment ago is found on its first request.
import 'server-only';
import { LRUCache } from 'lru-cache';
import { globalDb } from '../db/global-db';

const ids = new LRUCache<string, string>({ max: 10_000, ttl: 60_000 });

export async function workspaceIdForSlug(slug: string): Promise<string | null> {
  const cached = ids.get(slug);
  if (cached) return cached;
  const tenant = await globalDb().tenant.findFirst({ where: { slug }, select: { id: true } });
  if (tenant) ids.set(slug, tenant.id);
  return tenant?.id ?? null;
}
