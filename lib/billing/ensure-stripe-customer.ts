// A workspace becomes one Stripe customer the first time it needs one (checkout). The idempotency
// key makes a retried or doubled request create one customer, and the conditional update keeps
// the first id if two requests race.
import 'server-only';
import type Stripe from 'stripe';
import { globalDb } from '../db/global-db';
import { tenantDb } from '../db/tenant-db';

export async function ensureStripeCustomer(
  stripe: Stripe,
  workspace: { id: string; name: string; slug: string },
): Promise<string> {
  const existing = await customerOf(workspace.id);
  if (existing) return existing;
  const customer = await stripe.customers.create(
    { name: workspace.name, metadata: { tenantId: workspace.id, slug: workspace.slug } },
    { idempotencyKey: `workspace-customer-${workspace.id}` },
  );
  await tenantDb(workspace.id).tenant.updateMany({
    where: { id: workspace.id, stripeCustomerId: null },
    data: { stripeCustomerId: customer.id },
  });
  return (await customerOf(workspace.id)) ?? customer.id;
}

async function customerOf(tenantId: string): Promise<string | null> {
  const tenant = await globalDb().tenant.findFirst({ where: { id: tenantId }, select: { stripeCustomerId: true } });
  return tenant?.stripeCustomerId ?? null;
}
