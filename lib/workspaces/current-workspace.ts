// The workspace a request is for, derived on the server from the Host header (a subdomain, or a
// verified custom domain) and checked against
// the route: pages call this themselves and never rely on proxy.ts having run (CVE-2025-29927).
import 'server-only';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { globalDb } from '../db/global-db';
import { classifyHost } from '../hosts/classify-host';
import { hostOptions } from '../hosts/host-options';
import { workspaceSlugForHost } from '../hosts/workspace-slug-for-host';

export type Workspace = { id: string; slug: string; name: string; plan: string };

export const currentWorkspace = cache(async (routeSlug: string): Promise<Workspace> => {
  const host = classifyHost((await headers()).get('host'), hostOptions());
  const slug = await workspaceSlugForHost(host);
  if (!slug || slug !== routeSlug) notFound();
  const workspace = await globalDb().tenant.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true, plan: true },
  });
  if (!workspace) notFound();
  return workspace;
});
