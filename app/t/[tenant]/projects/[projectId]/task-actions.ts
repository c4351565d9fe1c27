'use server';
// The task list's actions. Each names its permission (lib/auth/permissions.ts) and hands the
// service the Host's workspace client: a task id from another workspace is simply not found.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { ActionState } from '@/lib/actions/action-state';
import { answerChange } from '@/lib/actions/answer-change';
import { emptyAsNull } from '@/lib/actions/empty-as-null';
import { tenantAction } from '@/lib/actions/tenant-action';
import { fileStorage } from '@/lib/files/storage-from-env';
import type { ChangeResult } from '@/lib/projects/change-result';
import { completeTask, reopenTask } from '@/lib/projects/complete-task';
import { createTask } from '@/lib/projects/create-task';
import { deleteTask } from '@/lib/projects/delete-task';
import { editTask } from '@/lib/projects/edit-task';
import { moveTask } from '@/lib/projects/move-task';
import { TaskFields } from '@/lib/projects/task-fields';

const TaskRef = z.object({ taskId: z.string() });
const optional = {
  description: TaskFields.shape.description.optional(),
  status: TaskFields.shape.status.optional(),
  assigneeId: emptyAsNull(TaskFields.shape.assigneeId).optional(),
  dueOn: emptyAsNull(TaskFields.shape.dueOn).optional(),
};

function answer(result: ChangeResult, slug: string, message: (name: string) => string): ActionState {
  return answerChange(result, message, () => revalidatePath(`/t/${slug}/projects`, 'layout'));
}

export const createTaskAction = tenantAction(
  z.object({ projectId: z.string(), title: TaskFields.shape.title, ...optional }),
  'tasks.create',
  async (input, { db, user, workspace }) =>
    answer(await createTask(db, workspace.id, user, input), workspace.slug, (name) => `Added “${name}”.`),
);

export const editTaskAction = tenantAction(
  TaskRef.extend({ title: TaskFields.shape.title.optional(), ...optional }),
  'tasks.edit',
  async (input, { db, user, workspace }) =>
    answer(await editTask(db, workspace.id, user, input), workspace.slug, (name) => `Saved “${name}”.`),
);

export const setTaskDoneAction = tenantAction(
  TaskRef.extend({ done: z.enum(['true', 'false']) }),
  'tasks.edit',
  async ({ taskId, done }, { db, user, workspace }) => {
    const change = done === 'true' ? completeTask : reopenTask;
    return answer(await change(db, workspace.id, user, { taskId }), workspace.slug, (name) =>
      done === 'true' ? `Completed “${name}”.` : `Reopened “${name}”.`,
    );
  },
);

export const moveTaskAction = tenantAction(
  TaskRef.extend({ direction: z.enum(['up', 'down']) }),
  'tasks.edit',
  async (input, { db, user, workspace }) =>
    answer(await moveTask(db, user, input), workspace.slug, (name) => `Moved “${name}”.`),
);

export const deleteTaskAction = tenantAction(TaskRef, 'tasks.delete', async (input, { db, user, workspace }) =>
  answer(
    await deleteTask(db, fileStorage(), workspace.id, user, input),
    workspace.slug,
    (name) => `Deleted “${name}”.`,
  ),
);
