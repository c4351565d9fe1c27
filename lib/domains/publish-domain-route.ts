// Publishes to Edge Config what PostgreSQL now says a host serves (upsert), or that it serves
// nothing (delete). Publishing the database's current answer, rather than the change, keeps
// takeovers and removals right. Best effort: a failed publish only leaves a hint that pages overrule.
import 'server-only';
import { writeEdgeConfigItem } from '../edge-config/write-edge-config-item';
import type { DomainRoute } from './custom-domain-routes';
import { edgeConfigKey } from './edge-config-key';

export async function publishDomainRoute(hostname: string, route: DomainRoute | null): Promise<void> {
  const key = edgeConfigKey(hostname);
  await writeEdgeConfigItem(
    route ? { operation: 'upsert', key, value: route } : { operation: 'delete', key },
    'domains',
  );
}
