// The workspace header: where you are, where you can go (only links your role may use), who you are.
import Link from 'next/link';
import { canOnHost } from '@/lib/auth/permissions';
import type { Role } from '@/lib/generated/prisma/enums';
import type { UserWorkspace } from '@/lib/workspaces/list-user-workspaces';
import { workspaceEntryUrl } from '@/lib/workspaces/workspace-url';
import { SignOutButton } from './sign-out-button';

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
  const others = workspaces.filter((workspace) => workspace.slug !== workspaceSlug);
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-6 gap-y-2 px-6 py-3">
        <Link href="/" className="flex items-center gap-2 font-semibold">
          {logoFileId && (
            // biome-ignore lint/performance/noImgElement: a short-lived signed link, not a static asset for next/image
            <img src={`/files/${logoFileId}`} alt="" className="h-6 w-6 rounded object-contain" />
          )}
          {workspaceName}
        </Link>
        <nav aria-label="Workspace" className="flex gap-4 text-sm">
          <Link href="/">Projects</Link>
          <Link href="/settings/members">Members</Link>
          {canOnHost(role, 'domains.manage', onCustomDomain) && <Link href="/settings/domains">Domains</Link>}
          {canOnHost(role, 'auditLog.read', onCustomDomain) && <Link href="/settings/audit-log">Audit log</Link>}
          {canOnHost(role, 'billing.manage', onCustomDomain) && <Link href="/settings/billing">Billing</Link>}
          {canOnHost(role, 'scim.manage', onCustomDomain) && <Link href="/settings/sso">SSO &amp; SCIM</Link>}
          {canOnHost(role, 'apiKeys.manage', onCustomDomain) && <Link href="/settings/api-keys">API keys</Link>}
          {canOnHost(role, 'security.manage', onCustomDomain) && <Link href="/settings/security">Security</Link>}
          {canOnHost(role, 'workspace.brand', onCustomDomain) && <Link href="/settings/workspace">Workspace</Link>}
        </nav>
        <div className="ml-auto flex items-center gap-4 text-sm">
          {others.length > 0 && (
            <details className="relative">
              <summary className="cursor-pointer">Switch workspace</summary>
              <ul className="absolute right-0 z-10 mt-2 w-56 rounded-md border border-slate-200 bg-white p-2 shadow">
                {others.map((workspace) => (
                  <li key={workspace.slug}>
                    <a className="block rounded px-2 py-1 hover:bg-slate-100" href={workspaceEntryUrl(workspace.slug)}>
                      {workspace.name}
                    </a>
                  </li>
                ))}
              </ul>
            </details>
          )}
          <span className="text-slate-500" data-testid="signed-in-as">
            {email} · {role}
          </span>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
