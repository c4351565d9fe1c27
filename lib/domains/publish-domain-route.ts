// Publishes to Edge Config what PostgreSQL now says a host serves (upsert), or that it serves
// nothing (delete). Publishing the database's current answer, rather than the change, keeps
// takeovers and removals right. Best effort: PostgreSQL already holds the truth, and
// a failed publish only leaves a hint that pages overrule; it is logged, never thrown.
import 'server-only';
import { env } from '../env';
import type { DomainRoute } from './custom-domain-routes';
import { edgeConfigKey } from './edge-config-key';

export async function publishDomainRoute(hostname: string, route: DomainRoute | null): Promise<void> {
  const { VERCEL_API_TOKEN, VERCEL_EDGE_CONFIG_ID, VERCEL_TEAM_ID, VERCEL_API_URL } = env();
  if (!VERCEL_API_TOKEN || !VERCEL_EDGE_CONFIG_ID) return;
  const key = edgeConfigKey(hostname);
  const item = route ? { operation: 'upsert', key, value: route } : { operation: 'delete', key };
  const url = new URL(`/v1/edge-config/${encodeURIComponent(VERCEL_EDGE_CONFIG_ID)}/items`, VERCEL_API_URL);
  if (VERCEL_TEAM_ID) url.searchParams.set('teamId', VERCEL_TEAM_ID);
  try {
    const response = await fetch(url, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${VERCEL_API_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ items: [item] }),
      signal: AbortSignal.timeout(5_000),
    });
    // Deleting a key that was never published is not a failure.
    const alreadyGone = item.operation === 'delete' && response.status === 404;
    if (!response.ok && !alreadyGone) {
      console.error(`[domains] Edge Config ${item.operation} of ${hostname}: HTTP ${response.status}`);
    }
  } catch (error) {
    console.error(
      `[domains] Edge Config ${item.operation} of ${hostname} failed:`,
      error instanceof Error ? error.message : error,
    );
  }
}
