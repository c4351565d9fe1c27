// Records one billable event in the caller's transaction (so it exists exactly when the thing it
// bills for does). `npm run jobs:report-usage` sends it to Stripe's meter later.
import 'server-only';
import type { TenantDb } from '../db/tenant-db';

export async function recordUsage(tx: Pick<TenantDb, 'usageEvent'>, metric: string, quantity = 1): Promise<void> {
  await tx.usageEvent.create({ data: { metric, quantity } });
}
