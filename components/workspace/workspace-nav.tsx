// The workspace header: where you are, where you can go (only links your role may use), who you
// are, and the way to your other workspaces. On a phone the links fold behind a menu button.
import Link from 'next/link';
import { ThemeToggle } from '@/components/theme/theme-toggle';
import { appUrl } from '@/lib/auth/app-url';
import { canOnHost } from '@/lib/auth/permissions';
import type { Role } from '@/lib/generated/prisma/enums';
import type { UserWorkspace } from '@/lib/workspaces/list-user-workspaces';
import { workspaceEntryUrl, workspaceHost } from '@/lib/workspaces/workspace-url';
import { NavMenu } from './nav-menu';
import { SignOutButton } from './sign-out-button';
import { WorkspaceSwitcher } from './workspace-switcher';

type Props = {
  workspaceName: string;
  workspaceSlug: string;
  role: Role;
  onCustomDomain: boolean;
  email: string;
  workspaces: UserWorkspace[];
  /** The workspace's logo, shown through /files/<id> (a member-checked, short-lived link). */
  logoFileId: string | null;
};

export function WorkspaceNav({
  workspaceName,
  workspaceSlug,
  role,
  onCustomDomain,
  email,
  workspaces,
  logoFileId,
}: Props) {
  const switcherEntries = workspaces.map((workspace) => ({
    slug: workspace.slug,
    name: workspace.name,
    host: workspaceHost(workspace.slug),
    url: workspaceEntryUrl(workspace.slug),
    current: workspace.slug === workspaceSlug,
  }));
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-6 gap-y-3 px-6 py-3">
        <Link href="/" className="flex items-center gap-2 font-semibold">
          {logoFileId && (
            // biome-ignore lint/performance/noImgElement: a short-lived signed link, not a static asset for next/image
            <img src={`/files/${logoFileId}`} alt="" className="h-6 w-6 rounded object-contain" />
          )}
          {workspaceName}
        </Link>
        <div className="ml-auto flex items-center gap-3 md:order-last">
          <WorkspaceSwitcher entries={switcherEntries} createUrl={`${appUrl().origin}/account#new-workspace`} />
        </div>
        <NavMenu>
          <Link href="/">Projects</Link>
          <Link href="/settings/members">Members</Link>
          {canOnHost(role, 'domains.manage', onCustomDomain) && <Link href="/settings/domains">Domains</Link>}
          {canOnHost(role, 'auditLog.read', onCustomDomain) && <Link href="/settings/audit-log">Audit log</Link>}
          {canOnHost(role, 'billing.manage', onCustomDomain) && <Link href="/settings/billing">Billing</Link>}
          {canOnHost(role, 'scim.manage', onCustomDomain) && <Link href="/settings/sso">SSO &amp; SCIM</Link>}
          {canOnHost(role, 'apiKeys.manage', onCustomDomain) && <Link href="/settings/api-keys">API keys</Link>}
          {canOnHost(role, 'security.manage', onCustomDomain) && <Link href="/settings/security">Security</Link>}
          {canOnHost(role, 'workspace.brand', onCustomDomain) && <Link href="/settings/workspace">Workspace</Link>}
          <div className="flex flex-wrap items-center gap-3 border-t border-slate-200 pt-3 md:hidden">
            <span className="text-slate-500">
              {email} · {role}
            </span>
            <ThemeToggle />
            <SignOutButton />
          </div>
        </NavMenu>
        <div className="hidden items-center gap-4 text-sm md:order-last md:flex">
          <span className="text-slate-500" data-testid="signed-in-as">
            {email} · {role}
          </span>
          <ThemeToggle />
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
