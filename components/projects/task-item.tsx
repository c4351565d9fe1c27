// One task of the list: its checkbox, its title (edited in place), who and when, and, for those
// whose role allows, moving, the details form and deleting (the server checks every one again).
import { ActionForm } from '@/components/forms/action-form';
import { SelectField } from '@/components/forms/select-field';
import { SubmitButton } from '@/components/forms/submit-button';
import { TextAreaField } from '@/components/forms/text-area-field';
import { TextField } from '@/components/forms/text-field';
import { ConfirmAction } from '@/components/ui/confirm-action';
import type { FormAction } from '@/lib/actions/public-action';
import type { TaskListing } from '@/lib/projects/list-tasks';
import { STATUS_LABELS, TASK_STATUSES } from '@/lib/projects/task-fields';
import { InlineTitleForm } from './inline-title-form';
import { TaskDoneCheckbox } from './task-done-checkbox';

export type TaskActions = {
  edit: FormAction;
  setDone: FormAction;
  move: FormAction;
  remove: FormAction;
};

const STATUS_OPTIONS = TASK_STATUSES.map((status) => ({ value: status, label: STATUS_LABELS[status] }));

export function TaskItem({
  task,
  actions,
  assignees,
  mayEdit,
  mayDelete,
  children,
}: {
  task: TaskListing;
  actions: TaskActions;
  assignees: readonly { value: string; label: string }[];
  mayEdit: boolean;
  mayDelete: boolean;
  /** The task's attachments. */
  children?: React.ReactNode;
}) {
  const due = task.dueOn?.toISOString().slice(0, 10);
  const done = task.status === 'done';
  return (
    <li className="rounded border border-slate-200 bg-white px-4 py-3" data-testid={`task-${task.title}`}>
      <div className="flex items-center gap-3">
        <TaskDoneCheckbox
          action={actions.setDone}
          taskId={task.id}
          title={task.title}
          done={done}
          disabled={!mayEdit}
        />
        {mayEdit ? (
          <InlineTitleForm
            action={actions.edit}
            fields={{ taskId: task.id }}
            name="title"
            value={task.title}
            label={`Edit the title of ${task.title}`}
          >
            <span className={done ? 'line-through' : undefined}>{task.title}</span>
          </InlineTitleForm>
        ) : (
          <span className={`flex-1 ${done ? 'line-through' : ''}`}>{task.title}</span>
        )}
        <span className="rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-700">{STATUS_LABELS[task.status]}</span>
        {mayEdit && (
          <span className="flex">
            {(['up', 'down'] as const).map((direction) => (
              <ActionForm key={direction} action={actions.move} className="inline" quietSuccess>
                <input type="hidden" name="taskId" value={task.id} />
                <input type="hidden" name="direction" value={direction} />
                <button
                  type="submit"
                  aria-label={`Move ${task.title} ${direction}`}
                  className="rounded px-1.5 text-slate-600 hover:bg-slate-100"
                >
                  {direction === 'up' ? '↑' : '↓'}
                </button>
              </ActionForm>
            ))}
          </span>
        )}
        {mayDelete && (
          <ConfirmAction
            action={actions.remove}
            fields={{ taskId: task.id }}
            trigger="Delete"
            triggerLabel={`Delete ${task.title}`}
            title={`Delete “${task.title}”?`}
            description="The task and its attachments are deleted for everyone. This cannot be undone."
            confirm="Delete task"
          />
        )}
      </div>
      <p className="mt-1 pl-8 text-sm text-slate-600">
        {task.assigneeName ? `Assigned to ${task.assigneeName}` : 'Unassigned'}
        {due && ` · due ${due}`}
      </p>
      {task.description && <p className="mt-1 whitespace-pre-line pl-8 text-sm text-slate-700">{task.description}</p>}
      {children}
      {mayEdit && (
        <details className="mt-2 pl-8 text-sm">
          <summary className="cursor-pointer text-slate-600">Edit details</summary>
          <ActionForm action={actions.edit} className="mt-2 grid gap-3 sm:grid-cols-3">
            <input type="hidden" name="taskId" value={task.id} />
            <div className="sm:col-span-3">
              <TextField name="title" label="Title" defaultValue={task.title} />
            </div>
            <div className="sm:col-span-3">
              <TextAreaField name="description" label="Description" defaultValue={task.description} />
            </div>
            <SelectField name="status" label="Status" options={STATUS_OPTIONS} defaultValue={task.status} />
            <SelectField name="assigneeId" label="Assignee" options={assignees} defaultValue={task.assigneeId ?? ''} />
            <TextField name="dueOn" label="Due" type="date" defaultValue={due ?? ''} />
            <div>
              <SubmitButton>Save</SubmitButton>
            </div>
          </ActionForm>
        </details>
      )}
    </li>
  );
}
