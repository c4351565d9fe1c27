// Writes one item to Edge Config through Vercel's REST API (reads go through @vercel/edge-config).
// Best effort: Edge Config only ever holds hints that PostgreSQL overrules, so a failed write is
// logged, never thrown. No-op unless VERCEL_API_TOKEN and VERCEL_EDGE_CONFIG_ID are set.
import 'server-only';
import { env } from '../env';

export type EdgeConfigWrite =
  | { operation: 'upsert'; key: string; value: unknown }
  | { operation: 'delete'; key: string };

export async function writeEdgeConfigItem(item: EdgeConfigWrite, label: string): Promise<void> {
  const { VERCEL_API_TOKEN, VERCEL_EDGE_CONFIG_ID, VERCEL_TEAM_ID, VERCEL_API_URL } = env();
  if (!VERCEL_API_TOKEN || !VERCEL_EDGE_CONFIG_ID) return;
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
    if (!response.ok && !alreadyGone)
      console.error(`[${label}] Edge Config ${item.operation} of ${item.key}: HTTP ${response.status}`);
  } catch (error) {
    console.error(
      `[${label}] Edge Config ${item.operation} of ${item.key} failed:`,
      error instanceof Error ? error.message : error,
    );
  }
}
