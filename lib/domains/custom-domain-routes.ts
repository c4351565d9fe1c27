// Which workspace a verified custom domain serves, as proxy.ts and the pages ask it on every request.
// PostgreSQL is the truth (custom_domain_workspace()); answers are cached in-process and dropped
// the moment a trigger on domains announces a change to the hostname (lib/db/notified-cache.ts).
import 'server-only';
import { globalDb } from '../db/global-db';
import { createNotifiedCache } from '../db/notified-cache';

export type DomainRoute = { tenantId: string; slug: string };

const routes = createNotifiedCache<DomainRoute | null>({
  channel: 'domain_routes',
  ttlMs: 30_000,
  async load(host) {
    const rows = await globalDb().$queryRaw<{ tenant_id: string; slug: string }[]>`
      SELECT tenant_id::text AS tenant_id, slug FROM custom_domain_workspace(${host})`;
    const row = rows[0];
    return row ? { tenantId: row.tenant_id, slug: row.slug } : null;
  },
});

export function customDomainRoute(host: string): Promise<DomainRoute | null> {
  return routes.get(host);
}

/** For the code that changed a domain: do not wait for the notice to travel. */
export function forgetCustomDomainRoute(host: string): void {
  routes.forget(host);
}
