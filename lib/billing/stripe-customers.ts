// Which workspace is which Stripe customer. The link lives in stripe_customers, out of app_user's
// reach: billing_user reads every link (a signed webhook names a customer, not a workspace) and
// writes only its workspace's, under that workspace's tag (RLS).
import 'server-only';
import { billingDb, billingTenantDb } from '../db/billing-db';

/** The workspace of the customer a verified Stripe event names, or null. */
export async function tenantOfCustomer(customerId: string): Promise<string | null> {
  const link = await billingDb().stripeCustomer.findFirst({ where: { customerId }, select: { tenantId: true } });
  return link?.tenantId ?? null;
}

/** The workspace's own customer, or null before its first checkout. */
export async function customerOf(tenantId: string): Promise<string | null> {
  const link = await billingTenantDb(tenantId).stripeCustomer.findFirst({
    where: { tenantId },
    select: { customerId: true },
  });
  return link?.customerId ?? null;
}

/** Links the workspace to a customer once; if two requests race, the first link stays and is returned. */
export async function linkStripeCustomer(tenantId: string, customerId: string): Promise<string> {
  const db = billingTenantDb(tenantId);
  await db.$executeRaw`
    INSERT INTO stripe_customers (tenant_id, customer_id) VALUES (${tenantId}::uuid, ${customerId})
    ON CONFLICT (tenant_id) DO NOTHING`;
  const linked = await customerOf(tenantId);
  if (!linked) throw new Error(`tenant=${tenantId}: the Stripe customer link was not stored`);
  return linked;
}

/** Every workspace that has a customer, for the jobs that walk them. */
export async function stripeCustomers(): Promise<{ tenantId: string; customerId: string }[]> {
  return billingDb().stripeCustomer.findMany({
    select: { tenantId: true, customerId: true },
    orderBy: { createdAt: 'asc' },
  });
}
