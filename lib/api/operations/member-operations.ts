// GET /v1/members: the workspace's members, newest first, read-only.
import { z } from 'zod';
import { defineOperation } from '../api-operation';
import { PageQuery, pageOf, pageSchema, pageWindow } from '../cursor-page';
import { NoParams } from './request-params';

export const MemberSchema = z
  .object({
    id: z.uuid().meta({ description: 'The membership id.' }),
    user_id: z.uuid(),
    email: z.string(),
    name: z.string().nullable(),
    role: z.enum(['owner', 'admin', 'member']),
    joined_at: z.iso.datetime(),
  })
  .meta({ id: 'Member' });

export const listMembers = defineOperation({
  operationId: 'listMembers',
  method: 'GET',
  path: '/v1/members',
  summary: 'List members, newest first',
  tag: 'Members',
  permission: 'members.read',
  params: NoParams,
  query: PageQuery,
  body: null,
  success: { status: 200, description: 'A page of members.', schema: pageSchema(MemberSchema, 'MemberPage') },
  async handle({ query, context }) {
    const { limit, after, orderBy, take } = pageWindow(query);
    const rows = await context.db.membership.findMany({
      where: after,
      orderBy,
      take,
      select: { id: true, role: true, createdAt: true, user: { select: { id: true, email: true, name: true } } },
    });
    return pageOf(rows, limit, (row) => ({
      id: row.id,
      user_id: row.user.id,
      email: row.user.email,
      name: row.user.name,
      role: row.role,
      joined_at: row.createdAt.toISOString(),
    }));
  },
});
