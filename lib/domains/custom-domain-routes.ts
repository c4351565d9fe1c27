// Which workspace a verified custom domain serves, as proxy.ts and the pages ask it on every request.
//
// PostgreSQL is the truth (custom_domain_workspace()). Answers are cached in-process, and every
// instance LISTENs for the database's notice of any change to a hostname (a trigger on domains),
// so verifying or removing a domain takes effect at once everywhere. The TTL only bounds how long
// a missed notice (e.g. while the listening connection reconnects) could keep a stale answer.
import 'server-only';
import { LRUCache } from 'lru-cache';
import pg from 'pg';
import { globalDb } from '../db/global-db';
import { appDatabaseUrl } from '../db/role-urls';
import { env } from '../env';

export type DomainRoute = { tenantId: string; slug: string };

const STALE_AFTER_MS = 30_000;
const routes = new LRUCache<string, { route: DomainRoute | null }>({ max: 10_000, ttl: STALE_AFTER_MS });
// Bumped by every change notice: a lookup that raced a change does not cache its (maybe stale) answer.
let changes = 0;
let listening = false;

export async function customDomainRoute(host: string): Promise<DomainRoute | null> {
  if (!listening) {
    listening = true;
    void listenForChanges();
  }
  const cached = routes.get(host);
  if (cached) return cached.route;
  const before = changes;
  const rows = await globalDb().$queryRaw<{ tenant_id: string; slug: string }[]>`
    SELECT tenant_id::text AS tenant_id, slug FROM custom_domain_workspace(${host})`;
  const row = rows[0];
  const route = row ? { tenantId: row.tenant_id, slug: row.slug } : null;
  if (changes === before) routes.set(host, { route });
  return route;
}

/** For the code that changed a domain: do not wait for the notice to travel. */
export function forgetCustomDomainRoute(host: string): void {
  changes++;
  routes.delete(host);
}

async function listenForChanges(): Promise<void> {
  const client = new pg.Client({ connectionString: appDatabaseUrl(env()) });
  const restart = () => {
    // Notices may have been missed: forget everything, and listen again on the next lookup.
    changes++;
    routes.clear();
    listening = false;
    client.end().catch(() => {});
  };
  client.on('notification', (notice) => {
    if (notice.channel !== 'domain_routes' || !notice.payload) return;
    changes++;
    routes.delete(notice.payload);
  });
  client.on('error', (error) => {
    console.error('[domains] route listener lost its connection:', error.message);
    restart();
  });
  try {
    await client.connect();
    await client.query('LISTEN domain_routes');
    routes.clear();
  } catch (error) {
    console.error('[domains] cannot listen for route changes:', error instanceof Error ? error.message : error);
    restart();
  }
}
