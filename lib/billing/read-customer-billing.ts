// A customer's billing state as Stripe has it now, read outside any transaction: Stripe may take a
// while to answer, and no database connection waits on it. The read carries a ticket from
// PostgreSQL's sequence (billing_user's alone), taken just before asking, so a higher ticket is a read asked later, by
// any instance (store-customer-billing.ts keeps the newest).
import 'server-only';
import type Stripe from 'stripe';
import { billingDb } from '../db/billing-db';
import { type BillingStateData, billingStateFromSubscriptions } from './billing-state-from-stripe';

export type CustomerBillingRead = { ticket: bigint; state: BillingStateData };

export async function readCustomerBilling(stripe: Stripe, customerId: string): Promise<CustomerBillingRead> {
  const [taken] = await billingDb().$queryRaw<{ ticket: bigint }[]>`SELECT nextval('stripe_read_tickets') AS ticket`;
  if (!taken) throw new Error('nextval(stripe_read_tickets) returned no row');
  // Every subscription, not the newest page: many newer canceled ones must not hide a live one.
  const subscriptions = await stripe.subscriptions
    .list({ customer: customerId, status: 'all', limit: 100 })
    .autoPagingToArray({ limit: 1_000 });
  return { ticket: taken.ticket, state: billingStateFromSubscriptions(subscriptions) };
}
