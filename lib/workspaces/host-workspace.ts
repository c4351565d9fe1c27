// The workspace the request's Host serves, or null: for server actions and route handlers, which
// have no route slug to compare with. Pages use currentWorkspace(routeSlug).
import 'server-only';
import { headers } from 'next/headers';
import { cache } from 'react';
import { globalDb } from '../db/global-db';
import { classifyHost } from '../hosts/classify-host';
import { hostOptions } from '../hosts/host-options';
import { workspaceSlugForHost } from '../hosts/workspace-slug-for-host';
import type { Workspace } from './current-workspace';

export const hostWorkspace = cache(async (): Promise<Workspace | null> => {
  const slug = await workspaceSlugForHost(classifyHost((await headers()).get('host'), hostOptions()));
  if (!slug) return null;
  return globalDb().tenant.findFirst({ where: { slug }, select: { id: true, slug: true, name: true } });
});
