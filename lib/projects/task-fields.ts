// What a valid task is. The services check their input with it (so an API route or a job is held
// to the same rules as a form), and the actions build their form schemas from it.
import { z } from 'zod';
import type { TaskStatus } from '../generated/prisma/enums';
import { storableText } from '../text/storable-text';

export const TASK_STATUSES = ['todo', 'doing', 'done'] as const satisfies readonly TaskStatus[];

export const STATUS_LABELS: Record<TaskStatus, string> = { todo: 'To do', doing: 'Doing', done: 'Done' };

export const TaskFields = z.object({
  title: storableText().trim().min(1, 'Give the task a title.').max(200, 'Use at most 200 characters.'),
  description: storableText().trim().max(5000, 'Use at most 5,000 characters.'),
  status: z.enum(TASK_STATUSES, 'Choose to do, doing or done.'),
  assigneeId: z.uuid('Choose a member of this workspace.').nullable(),
  dueOn: z.iso.date('Use a date like 2027-01-31.').nullable(),
});

export type TaskFieldValues = z.output<typeof TaskFields>;

export const TaskId = z.uuid('That task no longer exists.');

export const ASSIGNEE_NOT_A_MEMBER = 'The assignee must be a member of this workspace.';

/** The fields given, checked; or the first field at fault and why. */
export function checkTaskFields(
  input: Partial<TaskFieldValues>,
): { ok: true; fields: Partial<TaskFieldValues> } | { ok: false; field: string; error: string } {
  const parsed = TaskFields.partial().safeParse(input);
  if (parsed.success) return { ok: true, fields: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, field: String(issue?.path[0] ?? 'title'), error: issue?.message ?? 'Check this task.' };
}

/** A due date (YYYY-MM-DD) as the DATE column stores it. */
export function dueOnDate(dueOn: string | null | undefined): Date | null | undefined {
  return dueOn === undefined || dueOn === null ? dueOn : new Date(`${dueOn}T00:00:00.000Z`);
}
