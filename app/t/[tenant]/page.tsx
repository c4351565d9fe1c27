// A workspace's home (reached as acme.<root>/, rewritten here by proxy.ts). ?archived=1 lists
// archived projects too.
import Link from 'next/link';
import { Suspense } from 'react';
import { ActionForm } from '@/components/forms/action-form';
import { SubmitButton } from '@/components/forms/submit-button';
import { TextField } from '@/components/forms/text-field';
import { ProjectList } from '@/components/project-list';
import { ListSkeleton } from '@/components/workspace/list-skeleton';
import { RecentActivity } from '@/components/workspace/recent-activity';
import { TasksDueSoon } from '@/components/workspace/tasks-due-soon';
import { UsageMeters } from '@/components/workspace/usage-meters';
import { WorkspaceCountsSummary } from '@/components/workspace/workspace-counts';
import { canOnHost } from '@/lib/auth/permissions';
import { requireMember } from '@/lib/auth/require-member';
import { workspaceEntitlements } from '@/lib/billing/workspace-entitlements';
import { listProjects } from '@/lib/projects/list-projects';
import { workspaceCounts } from '@/lib/workspaces/workspace-counts';
import { workspaceUsage } from '@/lib/workspaces/workspace-usage';
import { archiveProjectAction, createProjectAction, deleteProjectAction, renameProjectAction } from './actions';

const PROJECT_ACTIONS = { rename: renameProjectAction, archive: archiveProjectAction, remove: deleteProjectAction };

type Props = { params: Promise<{ tenant: string }>; searchParams: Promise<{ archived?: string | string[] }> };

export default async function WorkspaceHome({ params, searchParams }: Props) {
  const { workspace, role, onCustomDomain, db } = await requireMember((await params).tenant, { path: '/' });
  const includeArchived = (await searchParams).archived === '1';
  const [projects, counts, entitlements] = await Promise.all([
    listProjects(workspace.id, { includeArchived }),
    workspaceCounts(workspace.id),
    workspaceEntitlements(workspace.id),
  ]);
  const usage = await workspaceUsage(workspace.id, counts);
  return (
    <main className="mx-auto max-w-3xl px-6 py-12">
      <p className="text-sm uppercase tracking-wide text-slate-500">Workspace</p>
      <h1 className="text-3xl font-bold">{workspace.name}</h1>
      <WorkspaceCountsSummary counts={counts} />
      <UsageMeters meters={usage} planName={entitlements.planName} />
      <div className="mt-8 grid gap-6 md:grid-cols-2">
        <section className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 className="text-sm font-semibold text-slate-600">Due soon</h2>
          <Suspense fallback={<ListSkeleton label="Loading the tasks due soon…" rows={3} />}>
            <TasksDueSoon tenantId={workspace.id} />
          </Suspense>
        </section>
        {canOnHost(role, 'auditLog.read', onCustomDomain) && (
          <section className="rounded-lg border border-slate-200 bg-white p-5">
            <h2 className="text-sm font-semibold text-slate-600">Recent activity</h2>
            <Suspense fallback={<ListSkeleton label="Loading the recent activity…" rows={3} />}>
              <RecentActivity db={db} />
            </Suspense>
          </section>
        )}
      </div>
      <div className="mt-10 flex items-baseline justify-between">
        <h2 className="text-xl font-semibold">Projects</h2>
        <Link href={includeArchived ? '/' : '/?archived=1'} className="text-sm text-slate-600 underline">
          {includeArchived ? 'Hide archived projects' : 'Show archived projects'}
        </Link>
      </div>
      <ProjectList
        projects={projects}
        actions={PROJECT_ACTIONS}
        mayEdit={canOnHost(role, 'projects.edit', onCustomDomain)}
        mayDelete={canOnHost(role, 'projects.delete', onCustomDomain)}
      />
      {canOnHost(role, 'projects.create', onCustomDomain) && (
        <ActionForm action={createProjectAction} id="new-project-form" className="mt-8 flex items-end gap-3">
          <TextField name="name" label="New project" />
          <SubmitButton>Create</SubmitButton>
        </ActionForm>
      )}
    </main>
  );
}
