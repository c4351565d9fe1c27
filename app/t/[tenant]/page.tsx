// A workspace's home (reached as acme.<root>/, rewritten here by proxy.ts).
import { ActionForm } from '@/components/forms/action-form';
import { SubmitButton } from '@/components/forms/submit-button';
import { TextField } from '@/components/forms/text-field';
import { ProjectList } from '@/components/project-list';
import { WorkspaceCountsSummary } from '@/components/workspace/workspace-counts';
import { canOnHost } from '@/lib/auth/permissions';
import { requireMember } from '@/lib/auth/require-member';
import { listProjects } from '@/lib/projects/list-projects';
import { workspaceCounts } from '@/lib/workspaces/workspace-counts';
import { createProjectAction } from './actions';

export default async function WorkspaceHome({ params }: { params: Promise<{ tenant: string }> }) {
  const { workspace, role, onCustomDomain } = await requireMember((await params).tenant, { path: '/' });
  const [projects, counts] = await Promise.all([listProjects(workspace.id), workspaceCounts(workspace.id)]);
  return (
    <main className="mx-auto max-w-3xl px-6 py-12">
      <p className="text-sm uppercase tracking-wide text-slate-500">Workspace</p>
      <h1 className="text-3xl font-bold">{workspace.name}</h1>
      <WorkspaceCountsSummary counts={counts} />
      <h2 className="mt-10 text-xl font-semibold">Projects</h2>
      <ProjectList projects={projects} />
      {canOnHost(role, 'projects.create', onCustomDomain) && (
        <ActionForm action={createProjectAction} id="new-project-form" className="mt-8 flex items-end gap-3">
          <TextField name="name" label="New project" />
          <SubmitButton>Create</SubmitButton>
        </ActionForm>
      )}
    </main>
  );
}
