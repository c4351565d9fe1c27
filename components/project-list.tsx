// The workspace's projects: each renamed in place and archived or restored by those who may edit,
// deleted after a confirmation by admins (the server checks each again).
import Link from 'next/link';
import { ActionForm } from '@/components/forms/action-form';
import { SubmitButton } from '@/components/forms/submit-button';
import { InlineTitleForm } from '@/components/projects/inline-title-form';
import { ConfirmAction } from '@/components/ui/confirm-action';
import type { FormAction } from '@/lib/actions/public-action';
import type { ProjectListing } from '@/lib/projects/list-projects';

export type ProjectActions = { rename: FormAction; archive: FormAction; remove: FormAction };

export function ProjectList({
  projects,
  actions,
  mayEdit,
  mayDelete,
}: {
  projects: ProjectListing[];
  actions: ProjectActions;
  mayEdit: boolean;
  mayDelete: boolean;
}) {
  if (projects.length === 0) return <p className="mt-4 text-slate-500">No projects yet.</p>;
  return (
    <ul className="mt-4 space-y-4">
      {projects.map((project) => (
        <li
          key={project.id}
          className="rounded-lg border border-slate-200 bg-white p-4"
          data-testid={`project-${project.name}`}
        >
          <div className="flex items-center gap-2">
            {mayEdit ? (
              <InlineTitleForm
                action={actions.rename}
                fields={{ projectId: project.id }}
                name="name"
                value={project.name}
                label={`Rename ${project.name}`}
                editText="Rename"
              >
                <ProjectHeading project={project} />
              </InlineTitleForm>
            ) : (
              <ProjectHeading project={project} />
            )}
            {project.archivedAt && <span className="text-xs text-amber-700">Archived</span>}
          </div>
          <p className="text-sm text-slate-600">
            {project.openTasks === 1 ? '1 open task' : `${project.openTasks} open tasks`}
          </p>
          {(mayEdit || mayDelete) && (
            <div className="mt-2 flex flex-wrap items-center gap-2 text-sm">
              {mayEdit && (
                <ActionForm action={actions.archive} className="inline" quietSuccess>
                  <input type="hidden" name="projectId" value={project.id} />
                  <input type="hidden" name="archived" value={project.archivedAt ? 'false' : 'true'} />
                  <SubmitButton>{project.archivedAt ? 'Restore' : 'Archive'}</SubmitButton>
                </ActionForm>
              )}
              {mayDelete && (
                <ConfirmAction
                  action={actions.remove}
                  fields={{ projectId: project.id }}
                  trigger="Delete"
                  triggerLabel={`Delete ${project.name}`}
                  title={`Delete ${project.name}?`}
                  description="The project, all its tasks, their attachments and exports are deleted for everyone. This cannot be undone."
                  confirm="Delete project"
                />
              )}
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}

function ProjectHeading({ project }: { project: ProjectListing }) {
  return (
    <h3 className="font-medium">
      <Link href={`/projects/${project.id}`} className="hover:underline">
        {project.name}
      </Link>
    </h3>
  );
}
