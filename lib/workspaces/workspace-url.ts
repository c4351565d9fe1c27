// A workspace's canonical address, from its stored slug and the configured root (never from a
// request's Host): used in emails and in redirects after sign-up.
import { originForHost } from '../auth/app-url';
import { cookieCoversHost } from '../auth/session-cookie';
import { env } from '../env';

export function workspaceHost(slug: string): string {
  return `${slug}.${env().ROOT_DOMAIN}`;
}

export function workspaceUrl(slug: string, path = '/'): string {
  return `${originForHost(workspaceHost(slug))}${path}`;
}

/** Where a signed-in user enters a workspace: directly, or through a handoff when the cookie cannot follow. */
export function workspaceEntryUrl(slug: string, path = '/'): string {
  const host = workspaceHost(slug);
  if (cookieCoversHost(host)) return workspaceUrl(slug, path);
  return workspaceUrl(slug, `/auth/start?next=${encodeURIComponent(path)}`);
}
