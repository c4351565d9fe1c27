// The workspace frame. Its membership check shapes the header only: every page checks for itself
// (requireMember), because a layout does not run again on every navigation.
import type { ReactNode } from 'react';
import { Toaster } from 'sonner';
import { WorkspaceNav } from '@/components/workspace/workspace-nav';
import { currentSession } from '@/lib/auth/current-session';
import { findMembership } from '@/lib/auth/membership';
import { rememberLastWorkspace } from '@/lib/auth/remember-last-workspace';
import { sessionMeetsWorkspacePolicy } from '@/lib/auth/second-factor/two-factor-policy';
import { isCustomDomainSession } from '@/lib/auth/session-store';
import { tenantDb } from '@/lib/db/tenant-db';
import { env } from '@/lib/env';
import { workspaceLogo } from '@/lib/files/workspace-logo';
import { currentWorkspace } from '@/lib/workspaces/current-workspace';
import { listSessionWorkspaces } from '@/lib/workspaces/list-user-workspaces';

type Props = { children: ReactNode; params: Promise<{ tenant: string }> };

export default async function WorkspaceLayout({ children, params }: Props) {
  const workspace = await currentWorkspace((await params).tenant);
  const session = await currentSession();
  const membership =
    session &&
    (await sessionMeetsWorkspacePolicy(workspace.id, session)) &&
    (await findMembership(workspace.id, session.user.id));
  if (session && membership) await rememberLastWorkspace(session, workspace.id);
  return (
    <>
      <a
        href="#content"
        className="sr-only rounded-md bg-white px-3 py-2 text-sm focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-30"
      >
        Skip to content
      </a>
      {session && membership && (
        <WorkspaceNav
          workspaceName={workspace.name}
          workspaceSlug={workspace.slug}
          role={membership.role}
          onCustomDomain={isCustomDomainSession(session, env().ROOT_DOMAIN)}
          email={session.user.email}
          workspaces={await listSessionWorkspaces(session.id)}
          logoFileId={(await workspaceLogo(tenantDb(workspace.id)))?.id ?? null}
        />
      )}
      <div id="content" tabIndex={-1} className="outline-none">
        {children}
      </div>
      {/* Toasts of every workspace page (sonner): mounted once, here. */}
      <Toaster richColors closeButton position="bottom-right" />
    </>
  );
}
