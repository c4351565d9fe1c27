// Tasks: listed and created under their project (/v1/projects/{id}/tasks), read, changed and
// deleted by id (/v1/tasks/{id}). The writes are the example domain's services (lib/projects/),
// the same a form uses: the same field rules, the same audit lines, the database's proof that an
// assignee is a member. Through the key's workspace client only: another workspace's project, task
// or member id is 404 or a field error, and nothing is written.
import { z } from 'zod';
import type { TenantDb } from '../../db/tenant-db';
import { fileStorage } from '../../files/storage-from-env';
import { type ChangeResult, PROJECT_NOT_FOUND, TASK_NOT_FOUND } from '../../projects/change-result';
import { createTask } from '../../projects/create-task';
import { deleteTask } from '../../projects/delete-task';
import { editTask } from '../../projects/edit-task';
import { TASK_STATUSES, TaskFields, type TaskFieldValues } from '../../projects/task-fields';
import { defineOperation } from '../api-operation';
import { ApiProblem } from '../api-problem';
import { PageCursor, PageLimit, pageOf, pageSchema, pageWindow } from '../cursor-page';
import { IdParams, NoQuery } from './request-params';

export const TaskSchema = z
  .object({
    id: z.uuid(),
    project_id: z.uuid(),
    title: z.string(),
    description: z.string(),
    status: z.enum(TASK_STATUSES),
    assignee_id: z.uuid().nullable().meta({ description: "A member's user id (GET /v1/members), or null." }),
    due_on: z.iso.date().nullable(),
    created_at: z.iso.datetime(),
  })
  .meta({ id: 'Task' });

// The API's names for the service's fields (snake_case, as every other property here).
const TaskWritable = z.strictObject({
  title: TaskFields.shape.title,
  description: TaskFields.shape.description.optional(),
  status: TaskFields.shape.status.optional(),
  assignee_id: TaskFields.shape.assigneeId.optional(),
  due_on: TaskFields.shape.dueOn.optional(),
});
export const TaskInput = TaskWritable.meta({ id: 'TaskInput' });
export const TaskChange = TaskWritable.partial()
  .refine((change) => Object.keys(change).length > 0, { message: 'Send at least one field.', path: ['body'] })
  .meta({ id: 'TaskChange' });

const FIELD_NAMES: Record<string, string> = { assigneeId: 'assignee_id', dueOn: 'due_on' };

const TaskListQuery = z.strictObject({
  limit: PageLimit,
  cursor: PageCursor,
  status: z
    .enum(TASK_STATUSES, 'status must be todo, doing or done.')
    .optional()
    .meta({ description: 'Only tasks with this status.' }),
});

const TASK_COLUMNS = {
  id: true,
  projectId: true,
  title: true,
  description: true,
  status: true,
  assigneeId: true,
  dueOn: true,
  createdAt: true,
} as const;
type TaskRow = {
  id: string;
  projectId: string;
  title: string;
  description: string;
  status: TaskFieldValues['status'];
  assigneeId: string | null;
  dueOn: Date | null;
  createdAt: Date;
};

const taskOf = (row: TaskRow) => ({
  id: row.id,
  project_id: row.projectId,
  title: row.title,
  description: row.description,
  status: row.status,
  assignee_id: row.assigneeId,
  due_on: row.dueOn ? row.dueOn.toISOString().slice(0, 10) : null,
  created_at: row.createdAt.toISOString(),
});
const noProject = () => new ApiProblem(404, 'not_found', 'No such project in this workspace.');
const noTask = () => new ApiProblem(404, 'not_found', 'No such task in this workspace.');

function serviceFields(body: Partial<z.output<typeof TaskWritable>>): Partial<TaskFieldValues> {
  return {
    ...(body.title !== undefined && { title: body.title }),
    ...(body.description !== undefined && { description: body.description }),
    ...(body.status !== undefined && { status: body.status }),
    ...(body.assignee_id !== undefined && { assigneeId: body.assignee_id }),
    ...(body.due_on !== undefined && { dueOn: body.due_on }),
  };
}

/** A refusal of the service as the API says it: 404 for what is not this workspace's, else 422 on the field. */
function refusal(result: Extract<ChangeResult, { ok: false }>): ApiProblem {
  if (result.error === PROJECT_NOT_FOUND) return noProject();
  if (result.error === TASK_NOT_FOUND) return noTask();
  const field = result.field ? (FIELD_NAMES[result.field] ?? result.field) : 'body';
  return new ApiProblem(422, 'validation_failed', result.error, [{ field, message: result.error }]);
}

async function readTask(db: TenantDb, id: string): Promise<TaskRow> {
  const row = await db.task.findFirst({ where: { id }, select: TASK_COLUMNS });
  if (!row) throw noTask();
  return row;
}

export const listTasks = defineOperation({
  operationId: 'listTasks',
  method: 'GET',
  path: '/v1/projects/{id}/tasks',
  summary: "List a project's tasks, newest first",
  tag: 'Tasks',
  permission: 'tasks.read',
  params: IdParams,
  query: TaskListQuery,
  body: null,
  success: { status: 200, description: 'A page of tasks.', schema: pageSchema(TaskSchema, 'TaskPage') },
  refusals: [404],
  async handle({ params, query, context }) {
    const { limit, after, orderBy, take } = pageWindow(query);
    const project = await context.db.project.findFirst({ where: { id: params.id }, select: { id: true } });
    if (!project) throw noProject();
    const rows = await context.db.task.findMany({
      where: {
        projectId: params.id,
        ...(query.status ? { status: query.status } : {}),
        ...after,
      },
      orderBy,
      take,
      select: TASK_COLUMNS,
    });
    return pageOf(rows, limit, taskOf);
  },
});

export const createTaskOperation = defineOperation({
  operationId: 'createTask',
  method: 'POST',
  path: '/v1/projects/{id}/tasks',
  summary: 'Add a task to a project',
  tag: 'Tasks',
  permission: 'tasks.write',
  params: IdParams,
  query: NoQuery,
  body: TaskInput,
  success: { status: 201, description: 'The new task.', schema: TaskSchema },
  refusals: [404],
  async handle({ params, body, context }) {
    const created = await createTask(context.db, context.tenantId, context.actor, {
      projectId: params.id,
      title: body.title,
      ...serviceFields(body),
    });
    if (!created.ok) throw refusal(created);
    return taskOf(await readTask(context.db, created.id));
  },
});

export const getTask = defineOperation({
  operationId: 'getTask',
  method: 'GET',
  path: '/v1/tasks/{id}',
  summary: 'Read a task',
  tag: 'Tasks',
  permission: 'tasks.read',
  params: IdParams,
  query: NoQuery,
  body: null,
  success: { status: 200, description: 'The task.', schema: TaskSchema },
  refusals: [404],
  async handle({ params, context }) {
    return taskOf(await readTask(context.db, params.id));
  },
});

export const updateTaskOperation = defineOperation({
  operationId: 'updateTask',
  method: 'PATCH',
  path: '/v1/tasks/{id}',
  summary: "Change a task's fields (completing it is status: done)",
  tag: 'Tasks',
  permission: 'tasks.write',
  params: IdParams,
  query: NoQuery,
  body: TaskChange,
  success: { status: 200, description: 'The changed task.', schema: TaskSchema },
  refusals: [404],
  async handle({ params, body, context }) {
    // The audit log reads "completed" for a task set to done, as the checkbox's does.
    const action = body.status === 'done' ? 'task.completed' : 'task.edited';
    const edited = await editTask(
      context.db,
      context.tenantId,
      context.actor,
      { taskId: params.id, ...serviceFields(body) },
      action,
    );
    if (!edited.ok) throw refusal(edited);
    return taskOf(await readTask(context.db, params.id));
  },
});

export const deleteTaskOperation = defineOperation({
  operationId: 'deleteTask',
  method: 'DELETE',
  path: '/v1/tasks/{id}',
  summary: 'Delete a task and its attachments',
  tag: 'Tasks',
  permission: 'tasks.write',
  params: IdParams,
  query: NoQuery,
  body: null,
  success: { status: 204, description: 'Deleted.', schema: null },
  refusals: [404],
  async handle({ params, context }) {
    const deleted = await deleteTask(context.db, fileStorage(), context.tenantId, context.actor, {
      taskId: params.id,
    });
    if (!deleted.ok) throw refusal(deleted);
    return undefined;
  },
});
