// One project, or null when the id is not one of this workspace's projects (another workspace's
// id reads exactly like an unknown one). Its tasks are paged by list-tasks.ts.
import 'server-only';
import { tenantDb } from '../db/tenant-db';
import { ProjectId } from './project-fields';

export async function getProject(tenantId: string, projectId: string) {
  const id = ProjectId.safeParse(projectId);
  if (!id.success) return null;
  return tenantDb(tenantId).project.findUnique({
    where: { id: id.data },
    select: { id: true, name: true, createdAt: true, archivedAt: true },
  });
}
