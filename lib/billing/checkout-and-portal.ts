// Sending an owner to Stripe: Checkout to subscribe, the customer portal to pay, change or cancel.
// Stripe being unreachable is an expected failure: nothing is charged or changed, and the owner
// gets a message, not an error page. Return URLs are the workspace's canonical address.
import 'server-only';
import Stripe from 'stripe';
import { workspaceUrl } from '../workspaces/workspace-url';
import { ensureStripeCustomer } from './ensure-stripe-customer';
import { type PAID_PLANS, priceForPlan } from './plans';
import { stripeClient } from './stripe-client';

export type StripeRedirect = { ok: true; url: string } | { ok: false; error: string };

const NOT_CONFIGURED = 'Billing is not set up on this installation.';
const STRIPE_UNREACHABLE = 'Stripe cannot be reached right now; nothing was charged or changed. Try again in a minute.';

type Workspace = { id: string; name: string; slug: string };

export async function startCheckout(workspace: Workspace, plan: (typeof PAID_PLANS)[number]): Promise<StripeRedirect> {
  const stripe = stripeClient();
  const price = priceForPlan(plan);
  if (!stripe || !price) return { ok: false, error: NOT_CONFIGURED };
  return reachStripe(async () => {
    const customer = await ensureStripeCustomer(stripe, workspace);
    const session = await stripe.checkout.sessions.create({
      mode: 'subscription',
      customer,
      client_reference_id: workspace.id,
      line_items: [{ price, quantity: 1 }],
      subscription_data: { metadata: { tenantId: workspace.id } },
      success_url: workspaceUrl(workspace.slug, '/settings/billing?checkout=done'),
      cancel_url: workspaceUrl(workspace.slug, '/settings/billing'),
    });
    return session.url;
  });
}

export async function openCustomerPortal(workspace: Workspace): Promise<StripeRedirect> {
  const stripe = stripeClient();
  if (!stripe) return { ok: false, error: NOT_CONFIGURED };
  return reachStripe(async () => {
    const customer = await ensureStripeCustomer(stripe, workspace);
    const session = await stripe.billingPortal.sessions.create({
      customer,
      return_url: workspaceUrl(workspace.slug, '/settings/billing'),
    });
    return session.url;
  });
}

async function reachStripe(call: () => Promise<string | null>): Promise<StripeRedirect> {
  try {
    const url = await call();
    return url ? { ok: true, url } : { ok: false, error: STRIPE_UNREACHABLE };
  } catch (error) {
    if (error instanceof Stripe.errors.StripeError) {
      console.error('[billing] Stripe request failed:', error.type, error.message);
      return { ok: false, error: STRIPE_UNREACHABLE };
    }
    throw error;
  }
}
