// A project of the workspace (acme.<root>/projects/<id>). Another workspace's project id is a 404.
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ActionForm } from '@/components/forms/action-form';
import { SubmitButton } from '@/components/forms/submit-button';
import { ProjectExports } from '@/components/projects/project-exports';
import { canOnHost } from '@/lib/auth/permissions';
import { requireMember } from '@/lib/auth/require-member';
import { listProjectExports } from '@/lib/projects/export/list-project-exports';
import { getProject } from '@/lib/projects/get-project';
import { exportProjectAction } from './actions';

export default async function ProjectPage({ params }: { params: Promise<{ tenant: string; projectId: string }> }) {
  const { tenant, projectId } = await params;
  const { workspace, role, onCustomDomain } = await requireMember(tenant, {
    path: `/projects/${encodeURIComponent(projectId)}`,
  });
  const project = await getProject(workspace.id, projectId);
  if (!project) notFound();
  const canExport = canOnHost(role, 'projects.export', onCustomDomain);
  const exports = canExport ? await listProjectExports(workspace.id, project.id) : [];
  return (
    <main className="mx-auto max-w-3xl px-6 py-12">
      <Link href="/" className="text-sm text-slate-500 hover:underline">
        ← {workspace.name}
      </Link>
      <h1 className="mt-2 text-3xl font-bold">{project.name}</h1>
      <ul className="mt-6 space-y-2">
        {project.tasks.map((task) => (
          <li key={task.id} className="rounded border border-slate-200 bg-white px-4 py-2">
            <span className={task.done ? 'line-through' : undefined}>{task.title}</span>
          </li>
        ))}
      </ul>
      {canExport && (
        <section className="mt-10">
          <h2 className="text-xl font-semibold">Export</h2>
          <p className="mt-1 text-sm text-slate-600">
            A CSV of this project's tasks, built in the background. You can leave this page meanwhile.
          </p>
          <ActionForm action={exportProjectAction} id="export-project-form" className="mt-4 space-y-2">
            <input type="hidden" name="projectId" value={project.id} />
            <SubmitButton>Export as CSV</SubmitButton>
          </ActionForm>
          <ProjectExports
            downloadBase={`/projects/${project.id}/exports`}
            exports={exports.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }))}
          />
        </section>
      )}
    </main>
  );
}
