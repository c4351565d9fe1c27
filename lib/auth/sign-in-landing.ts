// Where signing in lands when nothing asked for a page: the workspace the person last used, if
// they are still its member; else their only or first workspace; else their account page. A
// session from a workspace's IdP serves that workspace alone, so it lands there.
import 'server-only';
import { globalDb } from '../db/global-db';
import { listSessionWorkspaces } from '../workspaces/list-user-workspaces';
import { workspaceEntryUrl } from '../workspaces/workspace-url';
import { appUrl } from './app-url';
import type { LiveSession } from './session-store';

export async function signInLandingUrl(session: LiveSession): Promise<string> {
  const workspaces = await listSessionWorkspaces(session.id); // memberships only, as this session may use them
  const wanted = session.ssoTenantId ?? session.user.lastWorkspaceId;
  const remembered = wanted
    ? await globalDb().tenant.findFirst({ where: { id: wanted }, select: { slug: true } })
    : null;
  const rememberedOne = workspaces.find((workspace) => workspace.slug === remembered?.slug);
  const landing = session.ssoTenantId ? rememberedOne : (rememberedOne ?? workspaces[0]);
  return landing ? workspaceEntryUrl(landing.slug) : `${appUrl().origin}/account`;
}
