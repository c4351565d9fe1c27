// Add a task: title, assignee and due date (the rest is edited on the task). The button shows that
// it is working and the form says what happened; without JavaScript it posts all the same.
import { ActionForm } from '@/components/forms/action-form';
import { SelectField } from '@/components/forms/select-field';
import { SubmitButton } from '@/components/forms/submit-button';
import { TextField } from '@/components/forms/text-field';
import type { FormAction } from '@/lib/actions/public-action';

export function NewTaskForm({
  action,
  projectId,
  assignees,
}: {
  action: FormAction;
  projectId: string;
  assignees: readonly { value: string; label: string }[];
}) {
  return (
    <ActionForm
      action={action}
      id="new-task-form"
      className="mt-6 grid gap-3 sm:grid-cols-[1fr_12rem_10rem_auto] sm:items-end"
    >
      <input type="hidden" name="projectId" value={projectId} />
      <TextField name="title" label="New task" />
      <SelectField name="assigneeId" label="Assignee" options={assignees} defaultValue="" />
      <TextField name="dueOn" label="Due" type="date" />
      <SubmitButton>Add task</SubmitButton>
    </ActionForm>
  );
}
