// /v1/projects: list, create, read, rename and delete the workspace's projects. Every read and
// write goes through the key's workspace client, so another workspace's project id is 404.
import { z } from 'zod';
import { fileStorage } from '../../files/storage-from-env';
import { PROJECT_NOT_FOUND } from '../../projects/change-result';
import { createProject } from '../../projects/create-project';
import { deleteProject } from '../../projects/delete-project';
import { ProjectName } from '../../projects/project-fields';
import { renameProject } from '../../projects/rename-project';
import { defineOperation } from '../api-operation';
import { ApiProblem } from '../api-problem';
import { PageQuery, pageOf, pageSchema, pageWindow } from '../cursor-page';
import { IdParams, NoParams, NoQuery } from './request-params';

export const ProjectSchema = z
  .object({ id: z.uuid(), name: z.string(), created_at: z.iso.datetime() })
  .meta({ id: 'Project' });

// The example domain's own rule (lib/projects/project-fields.ts): a name the API accepts is one the
// service accepts, so the service's only other refusal of a name is that it is taken (409).
export const ProjectInput = z.strictObject({ name: ProjectName }).meta({ id: 'ProjectInput' });

const projectOf = (row: { id: string; name: string; createdAt: Date }) => ({
  id: row.id,
  name: row.name,
  created_at: row.createdAt.toISOString(),
});
const PROJECT_COLUMNS = { id: true, name: true, createdAt: true } as const;
const notFound = () => new ApiProblem(404, 'not_found', 'No such project in this workspace.');
const nameTaken = (name: string) =>
  new ApiProblem(409, 'conflict', `A project named “${name}” already exists.`, [
    { field: 'name', message: 'Already taken.' },
  ]);

export const listProjects = defineOperation({
  operationId: 'listProjects',
  method: 'GET',
  path: '/v1/projects',
  summary: 'List projects, newest first',
  tag: 'Projects',
  permission: 'projects.read',
  params: NoParams,
  query: PageQuery,
  body: null,
  success: { status: 200, description: 'A page of projects.', schema: pageSchema(ProjectSchema, 'ProjectPage') },
  async handle({ query, context }) {
    const { limit, after, orderBy, take } = pageWindow(query);
    const rows = await context.db.project.findMany({ where: after, orderBy, take, select: PROJECT_COLUMNS });
    return pageOf(rows, limit, projectOf);
  },
});

export const createProjectOperation = defineOperation({
  operationId: 'createProject',
  method: 'POST',
  path: '/v1/projects',
  summary: 'Create a project',
  tag: 'Projects',
  permission: 'projects.write',
  params: NoParams,
  query: NoQuery,
  body: ProjectInput,
  success: { status: 201, description: 'The new project.', schema: ProjectSchema },
  refusals: [409, 403],
  async handle({ body, context }) {
    const created = await createProject(context.db, context.tenantId, context.actor, body.name);
    if (!created.ok) {
      if (created.field) throw nameTaken(body.name);
      throw new ApiProblem(403, 'plan_limit_reached', created.error);
    }
    const row = await context.db.project.findFirstOrThrow({ where: { id: created.id }, select: PROJECT_COLUMNS });
    return projectOf(row);
  },
});

export const getProject = defineOperation({
  operationId: 'getProject',
  method: 'GET',
  path: '/v1/projects/{id}',
  summary: 'Read a project',
  tag: 'Projects',
  permission: 'projects.read',
  params: IdParams,
  query: NoQuery,
  body: null,
  success: { status: 200, description: 'The project.', schema: ProjectSchema },
  refusals: [404],
  async handle({ params, context }) {
    const row = await context.db.project.findFirst({ where: { id: params.id }, select: PROJECT_COLUMNS });
    if (!row) throw notFound();
    return projectOf(row);
  },
});

export const updateProject = defineOperation({
  operationId: 'updateProject',
  method: 'PATCH',
  path: '/v1/projects/{id}',
  summary: 'Rename a project',
  tag: 'Projects',
  permission: 'projects.write',
  params: IdParams,
  query: NoQuery,
  body: ProjectInput,
  success: { status: 200, description: 'The renamed project.', schema: ProjectSchema },
  refusals: [404, 409],
  async handle({ params, body, context }) {
    const renamed = await renameProject(context.db, context.actor, { projectId: params.id, name: body.name });
    if (!renamed.ok) throw renamed.error === PROJECT_NOT_FOUND ? notFound() : nameTaken(body.name);
    const row = await context.db.project.findFirst({ where: { id: params.id }, select: PROJECT_COLUMNS });
    if (!row) throw notFound();
    return projectOf(row);
  },
});

export const deleteProjectOperation = defineOperation({
  operationId: 'deleteProject',
  method: 'DELETE',
  path: '/v1/projects/{id}',
  summary: 'Delete a project and its tasks',
  tag: 'Projects',
  permission: 'projects.write',
  params: IdParams,
  query: NoQuery,
  body: null,
  success: { status: 204, description: 'Deleted.', schema: null },
  refusals: [404],
  async handle({ params, context }) {
    const deleted = await deleteProject(context.db, fileStorage(), context.tenantId, context.actor, {
      projectId: params.id,
    });
    if (!deleted.ok) throw notFound();
    return undefined;
  },
});
