// The workspace a host serves, by slug: a subdomain names it; a custom domain serves the workspace
// that verified it; anything else serves none.
import 'server-only';
import { customDomainRoute } from '../domains/custom-domain-routes';
import type { HostKind } from './classify-host';

export async function workspaceSlugForHost(host: HostKind): Promise<string | null> {
  if (host.kind === 'tenant') return host.slug;
  if (host.kind === 'custom') return (await customDomainRoute(host.host))?.slug ?? null;
  return null;
}
