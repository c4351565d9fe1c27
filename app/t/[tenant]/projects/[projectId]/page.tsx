// A project of the workspace (acme.<root>/projects/<id>). Another workspace's project id is a 404.
// Each task lists its attachments (opened through /files/<id>, which checks membership and hands
// out a 60-second link) and takes new ones.
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { FileUploadForm } from '@/components/files/file-upload-form';
import { ActionForm } from '@/components/forms/action-form';
import { SubmitButton } from '@/components/forms/submit-button';
import { ProjectExports } from '@/components/projects/project-exports';
import { can, canOnHost } from '@/lib/auth/permissions';
import { requireMember } from '@/lib/auth/require-member';
import { FILE_PURPOSES } from '@/lib/files/file-purposes';
import { formatBytes } from '@/lib/files/format-bytes';
import { listProjectExports } from '@/lib/projects/export/list-project-exports';
import { getProject } from '@/lib/projects/get-project';
import { listTaskAttachments } from '@/lib/projects/list-task-attachments';
import { listTasks } from '@/lib/projects/list-tasks';
import { exportProjectAction, removeAttachmentAction } from './actions';

const ATTACHMENT = FILE_PURPOSES['task-attachment'];

export default async function ProjectPage({ params }: { params: Promise<{ tenant: string; projectId: string }> }) {
  const { tenant, projectId } = await params;
  const { workspace, user, role, onCustomDomain } = await requireMember(tenant, {
    path: `/projects/${encodeURIComponent(projectId)}`,
  });
  const project = await getProject(workspace.id, projectId);
  if (!project) notFound();
  const { tasks } = await listTasks(workspace.id, project.id, {}, null);
  const attachments = await listTaskAttachments(
    workspace.id,
    tasks.map((task) => task.id),
  );
  const mayRemoveAny = can(role, 'files.manage');
  const canExport = canOnHost(role, 'projects.export', onCustomDomain);
  const exports = canExport ? await listProjectExports(workspace.id, project.id) : [];
  return (
    <main className="mx-auto max-w-3xl px-6 py-12">
      <Link href="/" className="text-sm text-slate-500 hover:underline">
        ← {workspace.name}
      </Link>
      <h1 className="mt-2 text-3xl font-bold">{project.name}</h1>
      <ul className="mt-6 space-y-2">
        {tasks.map((task) => (
          <li
            key={task.id}
            className="rounded border border-slate-200 bg-white px-4 py-2"
            data-testid={`task-${task.title}`}
          >
            <span className={task.status === 'done' ? 'line-through' : undefined}>{task.title}</span>
            {(attachments.get(task.id) ?? []).length > 0 && (
              <ul className="mt-2 space-y-1 text-sm" aria-label={`Attachments of ${task.title}`}>
                {(attachments.get(task.id) ?? []).map((file) => (
                  <li key={file.id} className="flex items-center gap-3">
                    <a href={`/files/${file.id}`} className="text-blue-700 hover:underline">
                      {file.name}
                    </a>
                    <span className="text-slate-500">{formatBytes(file.size)}</span>
                    {(mayRemoveAny || file.createdBy === user.id) && (
                      <ActionForm action={removeAttachmentAction} className="inline" id={`remove-${file.id}`}>
                        <input type="hidden" name="fileId" value={file.id} />
                        <SubmitButton tone="danger">Remove</SubmitButton>
                      </ActionForm>
                    )}
                  </li>
                ))}
              </ul>
            )}
            <details className="mt-2 text-sm">
              <summary className="cursor-pointer text-slate-600">Attach a file</summary>
              <p className="mt-1 text-slate-500">
                Up to {formatBytes(ATTACHMENT.maxBytes)}: {ATTACHMENT.typesInWords}.
              </p>
              <FileUploadForm
                query={`purpose=task-attachment&taskId=${task.id}`}
                label={`File to attach to ${task.title}`}
                testId={`attach-${task.id}`}
              />
            </details>
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
