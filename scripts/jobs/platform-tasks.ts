// Platform-wide jobs: each walks the workspaces (as platform_admin or billing_user) and does each
// one's part in that workspace's own context, logging failures with the tenant id and going on.
// They live in scripts/, not lib/: application code may not import the BYPASSRLS client.
import type { TaskList } from 'graphile-worker';
import { queueIdempotencySweeps } from './platform/queue-idempotency-sweeps';
import { queueStaleUploadCleanups } from './platform/queue-stale-upload-cleanups';
import { queueUsageReports } from './platform/queue-usage-reports';
import { recheckAllDomains } from './platform/recheck-all-domains';
import { reconcileAllBilling } from './platform/reconcile-all-billing';
import { refreshAllSamlMetadata } from './platform/refresh-all-saml-metadata';

export const PLATFORM_TASKS = {
  'platform:recheck-domains': recheckAllDomains,
  'platform:refresh-saml-metadata': refreshAllSamlMetadata,
  'platform:queue-usage-reports': queueUsageReports,
  'platform:queue-stale-upload-cleanups': async () => {
    await queueStaleUploadCleanups();
  },
  'platform:queue-idempotency-sweeps': async () => {
    await queueIdempotencySweeps();
  },
  'platform:reconcile-billing': async () => {
    const failed = await reconcileAllBilling();
    if (failed) console.warn(`[billing] ${failed} workspace(s) failed to reconcile; the next run tries again`);
  },
} satisfies Record<string, () => Promise<void>>;

export function platformTaskList(): TaskList {
  return Object.fromEntries(Object.entries(PLATFORM_TASKS).map(([name, run]) => [name, () => run()]));
}
