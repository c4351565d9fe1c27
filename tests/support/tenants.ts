// Test workspaces: unique slugs per call, so test files share one database without colliding.
import { randomUUID } from 'node:crypto';
import type { PlanId } from '../../lib/billing/plans';
import { billingTenantDb } from '../../lib/db/billing-db';
import { globalDb } from '../../lib/db/global-db';
import { slugSkeleton } from '../../lib/workspaces/slug-skeleton';

/** A workspace on the free plan, or on `plan` as an active subscription would give it. */
export async function createTenant(
  label = 'tenant',
  options: { plan?: PlanId } = {},
): Promise<{ id: string; slug: string }> {
  const slug = `${label}-${randomUUID().slice(0, 8)}`;
  const tenant = await globalDb().tenant.create({ data: { slug, slugSkeleton: slugSkeleton(slug), name: slug } });
  if (options.plan && options.plan !== 'free') {
    // Billing state is billing_user's to write: app_user may only read it.
    await billingTenantDb(tenant.id).billingState.create({ data: { plan: options.plan, status: 'active' } });
  }
  return { id: tenant.id, slug };
}
