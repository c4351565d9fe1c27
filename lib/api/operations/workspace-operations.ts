// GET /v1/workspace: the workspace the key belongs to.
import { z } from 'zod';
import { defineOperation } from '../api-operation';
import { ApiProblem } from '../api-problem';
import { NoParams, NoQuery } from './request-params';

export const WorkspaceSchema = z
  .object({ id: z.uuid(), slug: z.string(), name: z.string(), created_at: z.iso.datetime() })
  .meta({ id: 'Workspace' });

export const getWorkspace = defineOperation({
  operationId: 'getWorkspace',
  method: 'GET',
  path: '/v1/workspace',
  summary: "The API key's workspace",
  tag: 'Workspace',
  permission: 'workspace.read',
  params: NoParams,
  query: NoQuery,
  body: null,
  success: { status: 200, description: 'The workspace.', schema: WorkspaceSchema },
  async handle({ context }) {
    const tenant = await context.db.tenant.findFirst({
      where: { id: context.tenantId },
      select: { id: true, slug: true, name: true, createdAt: true },
    });
    if (!tenant) throw new ApiProblem(404, 'not_found', 'This workspace no longer exists.');
    return { id: tenant.id, slug: tenant.slug, name: tenant.name, created_at: tenant.createdAt.toISOString() };
  },
});
