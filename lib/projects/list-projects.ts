// The example feature's read: a workspace's newest projects with how many of their tasks are open.
// Archived projects only when asked for. Counts, not the tasks: a project of 10,000 tasks costs
// this list an index scan, not 10,000 rows.
import 'server-only';
import { tenantDb } from '../db/tenant-db';

export type ProjectListing = { id: string; name: string; archivedAt: Date | null; openTasks: number };

export async function listProjects(
  tenantId: string,
  options: { includeArchived?: boolean } = {},
): Promise<ProjectListing[]> {
  const projects = await tenantDb(tenantId).project.findMany({
    where: options.includeArchived ? {} : { archivedAt: null },
    orderBy: { createdAt: 'desc' },
    take: 50,
    select: {
      id: true,
      name: true,
      archivedAt: true,
      _count: { select: { tasks: { where: { status: { not: 'done' } } } } },
    },
  });
  return projects.map(({ _count, ...project }) => ({ ...project, openTasks: _count.tasks }));
}
