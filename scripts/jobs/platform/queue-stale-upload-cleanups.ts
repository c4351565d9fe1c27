// Hourly: finds the workspaces with an upload that died mid-way (as platform_admin, across
// workspaces) and queues each one's cleanup as that workspace's own job.
import { platformDb } from '../../../lib/db/platform-db';
import { FORGET_STALE_UPLOADS_JOB_KEY, forgetStaleUploadsTask } from '../../../lib/files/forget-stale-uploads-task';
import { RESERVATION_MINUTES } from '../../../lib/files/storage-used';
import { enqueue } from '../../../lib/jobs/enqueue';

export async function queueStaleUploadCleanups(): Promise<number> {
  const workspaces = await platformDb().$queryRaw<{ tenant_id: string }[]>`
    SELECT DISTINCT tenant_id FROM files
    WHERE status = 'uploading' AND created_at < now() - make_interval(mins => ${RESERVATION_MINUTES})`;
  for (const { tenant_id: tenantId } of workspaces) {
    await enqueue(tenantId, forgetStaleUploadsTask, {}, { jobKey: FORGET_STALE_UPLOADS_JOB_KEY });
  }
  if (workspaces.length) console.log(`[files] queued stale-upload cleanups for ${workspaces.length} workspace(s)`);
  return workspaces.length;
}
