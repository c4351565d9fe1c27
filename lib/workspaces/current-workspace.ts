// The workspace a page is for, derived on the server from the Host header (a subdomain, or a
// verified custom domain) and checked against the route: pages call this themselves and never rely
// on proxy.ts having run (CVE-2025-29927).
import 'server-only';
import { notFound } from 'next/navigation';
import { hostWorkspace } from './host-workspace';

export type Workspace = { id: string; slug: string; name: string };

export async function currentWorkspace(routeSlug: string): Promise<Workspace> {
  const workspace = await hostWorkspace();
  if (!workspace || workspace.slug !== routeSlug) notFound();
  return workspace;
}
