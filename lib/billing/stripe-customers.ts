// Which workspace is which Stripe customer. The link lives in stripe_customers, out of app_user's
// reach; these are its only readers and writer, each through a definer function that answers for
// what the caller already holds: its own workspace, or a customer id a signed webhook named.
import 'server-only';
import { globalDb } from '../db/global-db';
import { tenantDb } from '../db/tenant-db';

/** The workspace of the customer a verified Stripe event names, or null. */
export async function tenantOfCustomer(customerId: string): Promise<string | null> {
  const [row] = await globalDb().$queryRaw<{ tenant_id: string | null }[]>`
    SELECT tenant_of_stripe_customer(${customerId})::text AS tenant_id`;
  return row?.tenant_id ?? null;
}

/** The workspace's own customer, or null before its first checkout. */
export async function customerOf(tenantId: string): Promise<string | null> {
  const [row] = await tenantDb(tenantId).$queryRaw<{ customer_id: string | null }[]>`
    SELECT current_tenant_stripe_customer() AS customer_id`;
  return row?.customer_id ?? null;
}

/** Links the workspace to a customer once; if two requests race, the first link stays and is returned. */
export async function linkStripeCustomer(tenantId: string, customerId: string): Promise<string> {
  const [row] = await tenantDb(tenantId).$queryRaw<{ customer_id: string }[]>`
    SELECT link_stripe_customer(${customerId}) AS customer_id`;
  if (!row) throw new Error(`tenant=${tenantId}: the Stripe customer link was not stored`);
  return row.customer_id;
}

/** Every workspace that has a customer, for the jobs that walk them: each asked in its own context. */
export async function stripeCustomers(): Promise<{ tenantId: string; customerId: string }[]> {
  const tenants = await globalDb().tenant.findMany({ select: { id: true }, orderBy: { createdAt: 'asc' } });
  const linked: { tenantId: string; customerId: string }[] = [];
  for (const { id } of tenants) {
    const customerId = await customerOf(id);
    if (customerId) linked.push({ tenantId: id, customerId });
  }
  return linked;
}
