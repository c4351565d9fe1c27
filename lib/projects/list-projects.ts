// The example feature's read: a workspace's newest projects with their tasks.
import 'server-only';
import { tenantDb } from '../db/tenant-db';

export async function listProjects(tenantId: string) {
  return tenantDb(tenantId).project.findMany({
    orderBy: { createdAt: 'desc' },
    take: 50,
    select: {
      id: true,
      name: true,
      tasks: { orderBy: [{ createdAt: 'asc' }, { title: 'asc' }], select: { id: true, title: true, status: true } },
    },
  });
}
