// Edge Config, when EDGE_CONFIG is set: a fast hint of which workspace a custom domain serves, for
// proxy.ts only. It is never the last word. Writes take seconds to propagate, so an entry can be
// stale; pages therefore re-derive the workspace from PostgreSQL (workspaceSlugForHost) and answer
// 404 when the two disagree. A missing key, a malformed value or an outage gives no hint, and the
// caller asks PostgreSQL.
import 'server-only';
import { createClient, type EdgeConfigClient } from '@vercel/edge-config';
import { env } from '../env';
import type { DomainRoute } from './custom-domain-routes';
import { edgeConfigKey } from './edge-config-key';

let client: EdgeConfigClient | null | undefined;

function edgeConfig(): EdgeConfigClient | null {
  if (client === undefined) {
    const connection = env().EDGE_CONFIG;
    // disableDevelopmentCache: under `next dev` the client answers from its previous read, hiding
    // our own writes. staleIfError off: during an outage we ask PostgreSQL, not a week-old copy.
    client = connection ? createClient(connection, { disableDevelopmentCache: true, staleIfError: false }) : null;
  }
  return client;
}

export async function edgeConfigRouteHint(hostname: string): Promise<DomainRoute | undefined> {
  const store = edgeConfig();
  if (!store) return undefined;
  try {
    return asRoute(await store.get<unknown>(edgeConfigKey(hostname)));
  } catch (error) {
    console.warn(
      '[domains] Edge Config unavailable, asking PostgreSQL:',
      error instanceof Error ? error.message : error,
    );
    return undefined;
  }
}

function asRoute(value: unknown): DomainRoute | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { tenantId, slug } = value as Record<string, unknown>;
  return typeof tenantId === 'string' && typeof slug === 'string' ? { tenantId, slug } : undefined;
}
