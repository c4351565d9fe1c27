// An in-process cache of answers from PostgreSQL that the database itself invalidates: every
// instance LISTENs on a channel that a trigger NOTIFYs with the changed key, so a change takes
// effect at once everywhere. The TTL only bounds how long a missed notice (e.g. while the listening
// connection reconnects) could keep a stale answer.
import 'server-only';
import { LRUCache } from 'lru-cache';
import pg from 'pg';
import { env } from '../env';
import { appDatabaseUrl } from './role-urls';

export type NotifiedCache<V> = {
  get(key: string): Promise<V>;
  /** For the code that made a change: do not wait for the notice to travel. */
  forget(key: string): void;
};

export function createNotifiedCache<V>(options: {
  channel: string;
  ttlMs: number;
  max?: number;
  load: (key: string) => Promise<V>;
}): NotifiedCache<V> {
  const entries = new LRUCache<string, { value: V }>({ max: options.max ?? 10_000, ttl: options.ttlMs });
  // Bumped by every change notice: a load that raced a change does not cache its (maybe stale) answer.
  let changes = 0;
  let listening = false;

  async function listen(): Promise<void> {
    const client = new pg.Client({ connectionString: appDatabaseUrl(env()) });
    const restart = () => {
      // Notices may have been missed: forget everything, and listen again on the next lookup.
      changes++;
      entries.clear();
      listening = false;
      client.end().catch(() => {});
    };
    client.on('notification', (notice) => {
      if (notice.channel !== options.channel || !notice.payload) return;
      changes++;
      entries.delete(notice.payload);
    });
    client.on('error', (error) => {
      console.error(`[cache] ${options.channel} listener lost its connection:`, error.message);
      restart();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${client.escapeIdentifier(options.channel)}`);
      entries.clear();
    } catch (error) {
      console.error(`[cache] cannot listen on ${options.channel}:`, error instanceof Error ? error.message : error);
      restart();
    }
  }

  return {
    async get(key) {
      if (!listening) {
        listening = true;
        void listen();
      }
      const cached = entries.get(key);
      if (cached) return cached.value;
      const before = changes;
      const value = await options.load(key);
      if (changes === before) entries.set(key, { value });
      return value;
    },
    forget(key) {
      changes++;
      entries.delete(key);
    },
  };
}
