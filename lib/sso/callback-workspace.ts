// The workspace a sign-in is on its way to, read from its callbackUrl: a workspace subdomain, or the
// host a handoff (/auth/handoff?host=…) is for. The sign-in page offers that workspace's SSO.
import 'server-only';
import { classifyHost } from '../hosts/classify-host';
import { hostOptions } from '../hosts/host-options';
import { workspaceSlugForHost } from '../hosts/workspace-slug-for-host';

export async function callbackWorkspaceSlug(callbackUrl: string): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(callbackUrl);
  } catch {
    return null;
  }
  const host = url.pathname === '/auth/handoff' ? url.searchParams.get('host') : url.host;
  if (!host) return null;
  const kind = classifyHost(host, hostOptions());
  return kind.kind === 'root' ? null : workspaceSlugForHost(kind);
}
