// Which of a customer's subscriptions decides the workspace's plan, and what state it gives: pure.
// A customer normally has one live subscription; after a cancel and a new checkout there may be a
// canceled one beside a live one, and the live one wins.
import type Stripe from 'stripe';
import { planForPrice } from './plans';

export type BillingStateData = {
  plan: string;
  status: string;
  stripeSubscriptionId: string | null;
  priceId: string | null;
  currentPeriodStart: Date | null;
  currentPeriodEnd: Date | null;
  cancelAtPeriodEnd: boolean;
  trialEnd: Date | null;
};

const PRECEDENCE = [
  'active',
  'trialing',
  'past_due',
  'unpaid',
  'paused',
  'incomplete',
  'incomplete_expired',
  'canceled',
];

// A status Stripe adds later ranks last, never above a live subscription.
function rank(status: string): number {
  const index = PRECEDENCE.indexOf(status);
  return index === -1 ? PRECEDENCE.length : index;
}

export function billingStateFromSubscriptions(subscriptions: Stripe.Subscription[]): BillingStateData {
  const current = [...subscriptions].sort((a, b) => rank(a.status) - rank(b.status) || b.created - a.created)[0];
  if (!current) {
    return {
      plan: 'free',
      status: 'none',
      stripeSubscriptionId: null,
      priceId: null,
      currentPeriodStart: null,
      currentPeriodEnd: null,
      cancelAtPeriodEnd: false,
      trialEnd: null,
    };
  }
  const item = current.items.data[0];
  const seconds = (value: number | null | undefined) => (value ? new Date(value * 1000) : null);
  return {
    plan: planForPrice(item?.price.id),
    status: current.status,
    stripeSubscriptionId: current.id,
    priceId: item?.price.id ?? null,
    currentPeriodStart: seconds(item?.current_period_start),
    currentPeriodEnd: seconds(item?.current_period_end),
    cancelAtPeriodEnd: current.cancel_at_period_end,
    trialEnd: seconds(current.trial_end),
  };
}
