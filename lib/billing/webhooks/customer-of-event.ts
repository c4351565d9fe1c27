// The Stripe customer an event is about, for the events that can change a workspace's billing
// state; null for every other event (acknowledged and ignored). The event's content is not used
// beyond this: the current state is re-read from Stripe (sync-customer-billing.ts).
import type Stripe from 'stripe';

const BILLING_EVENTS = new Set([
  'checkout.session.completed',
  'customer.subscription.created',
  'customer.subscription.updated',
  'customer.subscription.deleted',
  'customer.subscription.paused',
  'customer.subscription.resumed',
  'customer.subscription.trial_will_end',
  'invoice.paid',
  'invoice.payment_failed',
  'invoice.payment_succeeded',
]);

export function customerOfEvent(event: Stripe.Event): string | null {
  if (!BILLING_EVENTS.has(event.type)) return null;
  const object: unknown = event.data.object;
  if (typeof object !== 'object' || object === null || !('customer' in object)) return null;
  const { customer } = object;
  if (typeof customer === 'string') return customer;
  if (typeof customer === 'object' && customer !== null && 'id' in customer && typeof customer.id === 'string')
    return customer.id;
  return null;
}
