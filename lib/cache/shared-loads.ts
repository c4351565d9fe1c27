// Concurrent misses of one entry in one process share one load (a cold dashboard opened by many at
// once asks the database once). Only misses that read the same generation share: a request that
// comes after an invalidation never joins a load that started before it, so it cannot get the
// answer from before the change. A store that did not answer (generation null) shares nothing.
import type { CacheStore, TenantCacheKey } from './cache-store';

const loadsByStore = new WeakMap<CacheStore, Map<string, Promise<string>>>();

/** The JSON of `run()`, or of the same load already running for this key and generation. */
export function sharedLoad(
  store: CacheStore,
  key: TenantCacheKey,
  generation: string | null,
  run: () => Promise<string>,
): Promise<string> {
  if (generation === null) return run();
  let loads = loadsByStore.get(store);
  if (!loads) {
    loads = new Map();
    loadsByStore.set(store, loads);
  }
  const id = `${generation}\u0000${key}`;
  const running = loads.get(id);
  if (running) return running;
  const started = run().finally(() => loads.delete(id));
  loads.set(id, started);
  return started;
}
