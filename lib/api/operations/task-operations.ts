// Tasks: listed and created under their project (/v1/projects/{id}/tasks), read, changed and
// deleted by id (/v1/tasks/{id}). Through the key's workspace client only: another workspace's
// project or task id is 404, and nothing is written.
import { z } from 'zod';
import { createTask, TASK_COLUMNS, type TaskRow } from '../../tasks/create-task';
import { deleteTask } from '../../tasks/delete-task';
import { updateTask } from '../../tasks/update-task';
import { defineOperation } from '../api-operation';
import { ApiProblem } from '../api-problem';
import {
  afterCursor,
  DEFAULT_PAGE_SIZE,
  decodeCursor,
  LIST_ORDER,
  PageCursor,
  PageLimit,
  pageOf,
  pageSchema,
} from '../cursor-page';
import { IdParams, NoQuery } from './request-params';

export const TaskSchema = z
  .object({ id: z.uuid(), project_id: z.uuid(), title: z.string(), done: z.boolean(), created_at: z.iso.datetime() })
  .meta({ id: 'Task' });

const Title = z.string().trim().min(1, 'Give the task a title.').max(200, 'At most 200 characters.');
export const TaskInput = z.strictObject({ title: Title, done: z.boolean().optional() }).meta({ id: 'TaskInput' });
export const TaskChange = z
  .strictObject({ title: Title.optional(), done: z.boolean().optional() })
  .refine((change) => change.title !== undefined || change.done !== undefined, {
    message: 'Send title, done or both.',
    path: ['body'],
  })
  .meta({ id: 'TaskChange' });

const TaskListQuery = z.strictObject({
  limit: PageLimit,
  cursor: PageCursor,
  done: z
    .enum(['true', 'false'], 'done must be true or false.')
    .optional()
    .meta({ description: 'Only done, or only open, tasks.' }),
});

const taskOf = (row: TaskRow) => ({
  id: row.id,
  project_id: row.projectId,
  title: row.title,
  done: row.done,
  created_at: row.createdAt.toISOString(),
});
const noProject = () => new ApiProblem(404, 'not_found', 'No such project in this workspace.');
const noTask = () => new ApiProblem(404, 'not_found', 'No such task in this workspace.');

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
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const project = await context.db.project.findFirst({ where: { id: params.id }, select: { id: true } });
    if (!project) throw noProject();
    const rows = await context.db.task.findMany({
      where: {
        projectId: params.id,
        ...(query.done ? { done: query.done === 'true' } : {}),
        ...afterCursor(decodeCursor(query.cursor)),
      },
      orderBy: [...LIST_ORDER],
      take: limit + 1,
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
    const task = await createTask(context.db, context.tenantId, context.actor, {
      projectId: params.id,
      title: body.title,
      done: body.done ?? false,
    });
    if (!task) throw noProject();
    return taskOf(task);
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
    const row = await context.db.task.findFirst({ where: { id: params.id }, select: TASK_COLUMNS });
    if (!row) throw noTask();
    return taskOf(row);
  },
});

export const updateTaskOperation = defineOperation({
  operationId: 'updateTask',
  method: 'PATCH',
  path: '/v1/tasks/{id}',
  summary: "Change a task's title or done state",
  tag: 'Tasks',
  permission: 'tasks.write',
  params: IdParams,
  query: NoQuery,
  body: TaskChange,
  success: { status: 200, description: 'The changed task.', schema: TaskSchema },
  refusals: [404],
  async handle({ params, body, context }) {
    const task = await updateTask(context.db, context.tenantId, context.actor, params.id, body);
    if (!task) throw noTask();
    return taskOf(task);
  },
});

export const deleteTaskOperation = defineOperation({
  operationId: 'deleteTask',
  method: 'DELETE',
  path: '/v1/tasks/{id}',
  summary: 'Delete a task',
  tag: 'Tasks',
  permission: 'tasks.write',
  params: IdParams,
  query: NoQuery,
  body: null,
  success: { status: 204, description: 'Deleted.', schema: null },
  refusals: [404],
  async handle({ params, context }) {
    if (!(await deleteTask(context.db, context.tenantId, context.actor, params.id))) throw noTask();
    return undefined;
  },
});
