// The workspace a host serves, by slug: a subdomain names it; a custom domain serves the workspace
// that verified it; anything else serves none.
import 'server-only';
import { customDomainRoute } from '../domains/custom-domain-routes';
import { edgeConfigRouteHint } from '../domains/edge-config-route-hint';
import type { HostKind } from './classify-host';

/** The truth, from PostgreSQL (through its cache): what pages and actions must use. */
export async function workspaceSlugForHost(host: HostKind): Promise<string | null> {
  if (host.kind === 'tenant') return host.slug;
  if (host.kind === 'custom') return (await customDomainRoute(host.host))?.slug ?? null;
  return null;
}

/** For proxy.ts only: Edge Config's hint first when configured. The page behind re-checks the truth. */
export async function routingSlugForHost(host: HostKind): Promise<string | null> {
  if (host.kind === 'custom') {
    const hint = await edgeConfigRouteHint(host.host);
    if (hint) return hint.slug;
  }
  return workspaceSlugForHost(host);
}
