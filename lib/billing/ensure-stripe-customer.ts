// A workspace becomes one Stripe customer the first time it needs one (checkout). The idempotency
// key makes a retried or doubled request create one customer, and the link keeps the first id
// if two requests race (linkStripeCustomer).
import 'server-only';
import type Stripe from 'stripe';
import { customerOf, linkStripeCustomer } from './stripe-customers';

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
  return linkStripeCustomer(workspace.id, customer.id);
}
