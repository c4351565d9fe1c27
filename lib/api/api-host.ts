// Which keys a Host accepts for the v1 API: api.<root> serves any workspace's key (the key alone
// decides); a workspace's own host (subdomain or verified custom domain) only that workspace's;
// every other host (the marketing site, unknown or reserved names) has no API at all. Checked by
// the route frame itself, never left to proxy.ts.
import 'server-only';
import { classifyHost } from '../hosts/classify-host';
import { hostOptions } from '../hosts/host-options';
import { workspaceSlugForHost } from '../hosts/workspace-slug-for-host';
import { workspaceIdForSlug } from '../workspaces/workspace-id-for-slug';

export const API_SUBDOMAIN = 'api';

export type ApiHost = { serves: 'any-workspace' } | { serves: 'workspace'; tenantId: string } | null;

export async function apiHost(rawHost: string | null): Promise<ApiHost> {
  const host = classifyHost(rawHost, hostOptions());
  if (host.kind === 'reserved' && host.label === API_SUBDOMAIN) return { serves: 'any-workspace' };
  const slug = await workspaceSlugForHost(host);
  const tenantId = slug ? await workspaceIdForSlug(slug) : null;
  return tenantId ? { serves: 'workspace', tenantId } : null;
}
