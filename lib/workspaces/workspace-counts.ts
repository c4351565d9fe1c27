// The workspace home's counts (projects, tasks, open tasks, members), cached per workspace in the
// tenant cache. The code that adds or removes a project, task or member calls
// forgetWorkspaceCounts after its transaction commits; the TTL bounds what other writers (the
// seed, SQL by hand) can leave stale.
import 'server-only';
import { z } from 'zod';
import { tenantCache } from '../cache/tenant-cache';
import { tenantDb } from '../db/tenant-db';

export const WorkspaceCounts = z.object({
  projects: z.number().int().min(0),
  tasks: z.number().int().min(0),
  openTasks: z.number().int().min(0),
  members: z.number().int().min(0),
});
export type WorkspaceCounts = z.output<typeof WorkspaceCounts>;

const ENTRY = 'workspace-counts';
export const WORKSPACE_COUNTS_TTL_SECONDS = 60;

export async function workspaceCounts(tenantId: string): Promise<WorkspaceCounts> {
  return tenantCache(tenantId).getOrLoad(ENTRY, WorkspaceCounts, WORKSPACE_COUNTS_TTL_SECONDS, () =>
    countInDatabase(tenantId),
  );
}

/** After a change to the workspace's projects, tasks or members has committed. */
export async function forgetWorkspaceCounts(tenantId: string): Promise<void> {
  return tenantCache(tenantId).invalidate(ENTRY);
}

/** The counts as PostgreSQL has them now (the cache's loader; exported for bench/cache.ts). */
export async function countInDatabase(tenantId: string): Promise<WorkspaceCounts> {
  // One statement; row level security keeps every count to this workspace.
  const [row] = await tenantDb(tenantId).$queryRaw<WorkspaceCounts[]>`
    SELECT (SELECT count(*) FROM projects)::int AS projects,
           (SELECT count(*) FROM tasks)::int AS tasks,
           (SELECT count(*) FROM tasks WHERE status <> 'done')::int AS "openTasks",
           (SELECT count(*) FROM memberships)::int AS members`;
  if (!row) throw new Error('counting returned no row');
  return row;
}
