// One project with its tasks, or null when the id is not one of this workspace's projects (another
// workspace's id reads exactly like an unknown one).
import 'server-only';
import { z } from 'zod';
import { tenantDb } from '../db/tenant-db';

const ProjectId = z.uuid();

export async function getProject(tenantId: string, projectId: string) {
  const id = ProjectId.safeParse(projectId);
  if (!id.success) return null;
  return tenantDb(tenantId).project.findUnique({
    where: { id: id.data },
    select: {
      id: true,
      name: true,
      createdAt: true,
      tasks: {
        orderBy: [{ createdAt: 'asc' }, { title: 'asc' }],
        select: {
          id: true,
          title: true,
          status: true,
          attachments: {
            where: { status: 'stored' },
            orderBy: { createdAt: 'asc' },
            select: { id: true, name: true, size: true, createdBy: true },
          },
        },
      },
    },
  });
}
