// The stale-upload cleanup as a tenant job: the hourly platform job queues one per workspace that has
// an upload older than its reservation (scripts/jobs/platform/queue-stale-upload-cleanups.ts).
import { z } from 'zod';
import { defineTenantTask } from '../jobs/tenant-task';
import { forgetStaleUploads } from './forget-stale-uploads';
import { fileStorage } from './storage-from-env';

export const FORGET_STALE_UPLOADS_JOB_KEY = 'forget-stale-uploads';

export const forgetStaleUploadsTask = defineTenantTask({
  name: 'forget-stale-uploads',
  payload: z.object({}),
  run: async ({ db, tenantId }) => {
    const forgotten = await forgetStaleUploads(db, fileStorage());
    if (forgotten) console.log(`[files] tenant=${tenantId}: removed ${forgotten} upload(s) that never finished`);
  },
});
