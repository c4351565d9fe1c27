// The background half of "Export as CSV": builds the file the member asked for.
import { z } from 'zod';
import { defineTenantTask } from '../../jobs/tenant-task';
import { buildProjectExport, markProjectExportFailed } from './build-project-export';

export const exportProjectTask = defineTenantTask({
  name: 'export-project',
  payload: z.object({ exportId: z.uuid() }),
  maxAttempts: 3,
  // Exports read a whole project: one at a time per workspace, so a workspace exporting everything
  // holds one worker, not all of them.
  lanesPerTenant: 1,
  run: async ({ db, tenantId, payload }) => {
    const outcome = await buildProjectExport(db, payload.exportId);
    if (outcome === 'gone') console.warn(`[jobs] tenant=${tenantId} export ${payload.exportId}: not found, skipped`);
  },
  giveUp: async ({ db, payload }) => {
    await markProjectExportFailed(db, payload.exportId, 'The export failed. Try again, or contact support.');
  },
});
