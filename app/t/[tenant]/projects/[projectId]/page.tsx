// A project of the workspace (acme.<root>/projects/<id>). Another workspace's project id is a 404.
// Its tasks: filtered, searched and paged by the URL (?status=&assignee=&q=&after=|before=), so every view
// is a link; controls a role may not use are not shown, and the server refuses them anyway. Each
// task lists its attachments (opened through /files/<id>, which checks membership and hands out a
// 60-second link) and takes new ones.
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { FileUploadForm } from '@/components/files/file-upload-form';
import { ActionForm } from '@/components/forms/action-form';
import { SubmitButton } from '@/components/forms/submit-button';
import { NewTaskForm } from '@/components/projects/new-task-form';
import { ProjectExports } from '@/components/projects/project-exports';
import { TaskFilters } from '@/components/projects/task-filters';
import { TaskItem } from '@/components/projects/task-item';
import { can, canOnHost } from '@/lib/auth/permissions';
import { requireMember } from '@/lib/auth/require-member';
import { tenantDb } from '@/lib/db/tenant-db';
import { FILE_PURPOSES } from '@/lib/files/file-purposes';
import { formatBytes } from '@/lib/files/format-bytes';
import { listMembers } from '@/lib/members/list-members';
import { listProjectExports } from '@/lib/projects/export/list-project-exports';
import { getProject } from '@/lib/projects/get-project';
import { listTaskAttachments } from '@/lib/projects/list-task-attachments';
import { listTasks } from '@/lib/projects/list-tasks';
import { taskListQuery } from '@/lib/projects/task-list-query';
import { exportProjectAction, removeAttachmentAction } from './actions';
import { createTaskAction, deleteTaskAction, editTaskAction, moveTaskAction, setTaskDoneAction } from './task-actions';

const ATTACHMENT = FILE_PURPOSES['task-attachment'];
const TASK_ACTIONS = {
  edit: editTaskAction,
  setDone: setTaskDoneAction,
  move: moveTaskAction,
  remove: deleteTaskAction,
};

type Props = {
  params: Promise<{ tenant: string; projectId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function ProjectPage({ params, searchParams }: Props) {
  const { tenant, projectId } = await params;
  const { workspace, user, role, onCustomDomain } = await requireMember(tenant, {
    path: `/projects/${encodeURIComponent(projectId)}`,
  });
  const project = await getProject(workspace.id, projectId);
  if (!project) notFound();
  const query = taskListQuery(await searchParams);
  const [page, members] = await Promise.all([
    listTasks(workspace.id, project.id, query.filters, query.at),
    listMembers(tenantDb(workspace.id)),
  ]);
  const attachments = await listTaskAttachments(
    workspace.id,
    page.tasks.map((task) => task.id),
  );
  const mayRemoveAny = can(role, 'files.manage');
  const mayCreate = canOnHost(role, 'tasks.create', onCustomDomain);
  const mayEdit = canOnHost(role, 'tasks.edit', onCustomDomain);
  const mayDelete = canOnHost(role, 'tasks.delete', onCustomDomain);
  const canExport = canOnHost(role, 'projects.export', onCustomDomain);
  const exports = canExport ? await listProjectExports(workspace.id, project.id) : [];
  const memberOptions = members.map((member) => ({ userId: member.userId, label: member.name ?? member.email }));
  const assignees = [
    { value: '', label: 'Nobody' },
    ...memberOptions.map((member) => ({ value: member.userId, label: member.label })),
  ];
  const pageLink = (cursor: { after?: string; before?: string }) => {
    const link = new URLSearchParams();
    if (query.filters.status) link.set('status', query.filters.status);
    if (query.filters.assignee) link.set('assignee', query.filters.assignee);
    if (query.filters.text) link.set('q', query.filters.text);
    for (const [name, value] of Object.entries(cursor)) if (value) link.set(name, value);
    return `?${link}`;
  };
  return (
    <main className="mx-auto max-w-3xl px-6 py-12">
      <Link href="/" className="text-sm text-slate-500 hover:underline">
        ← {workspace.name}
      </Link>
      <h1 className="mt-2 text-3xl font-bold">{project.name}</h1>
      {project.archivedAt && <p className="mt-1 text-sm text-amber-700">This project is archived.</p>}
      {mayCreate && <NewTaskForm action={createTaskAction} projectId={project.id} assignees={assignees} />}
      <TaskFilters filters={query.filters} members={memberOptions} />
      {page.tasks.length === 0 ? (
        <p className="mt-6 text-slate-500">
          {query.filters.status || query.filters.assignee || query.filters.text
            ? 'No tasks match these filters.'
            : 'No tasks yet.'}
        </p>
      ) : (
        <ul className="mt-6 space-y-2" aria-label="Tasks">
          {page.tasks.map((task) => {
            const files = attachments.get(task.id) ?? [];
            return (
              <TaskItem
                key={task.id}
                task={task}
                actions={TASK_ACTIONS}
                assignees={assignees}
                mayEdit={mayEdit}
                mayDelete={mayDelete}
              >
                {files.length > 0 && (
                  <ul className="mt-2 space-y-1 pl-8 text-sm" aria-label={`Attachments of ${task.title}`}>
                    {files.map((file) => (
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
                <details className="mt-2 pl-8 text-sm">
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
              </TaskItem>
            );
          })}
        </ul>
      )}
      <nav aria-label="Task pages" className="mt-4 flex gap-4 text-sm">
        {page.before ? (
          <Link href={pageLink({ before: page.before })} className="underline">
            Previous page
          </Link>
        ) : (
          query.at && (
            <Link href={pageLink({})} className="underline">
              First page
            </Link>
          )
        )}
        {page.after && (
          <Link href={pageLink({ after: page.after })} className="underline">
            Next page
          </Link>
        )}
      </nav>
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
