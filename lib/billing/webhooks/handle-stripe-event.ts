// Processes one verified webhook event at most once. Stripe is read first, outside any
// transaction (it may take long; no connection is held meanwhile), then one short transaction
// of billing_user's records the event id (stripe-event-log.ts) and stores the state
// (store-customer-billing.ts): both commit or neither does. A failure (Stripe unreachable) leaves
// no row, and Stripe's retry processes the event afresh. An event for a customer no workspace has
// yet is kept as 'unmatched' and answered with an error, so Stripe retries it.
import 'server-only';
import type Stripe from 'stripe';
import { billingDb, billingTenantDb } from '../../db/billing-db';
import type { BillingStateData } from '../billing-state-from-stripe';
import { readCustomerBilling } from '../read-customer-billing';
import { storeCustomerBilling } from '../store-customer-billing';
import { tenantOfCustomer } from '../stripe-customers';
import { afterBillingStored } from '../sync-customer-billing';
import { customerOfEvent } from './customer-of-event';
import { recordStripeEvent, stripeEventHandled } from './stripe-event-log';

export type WebhookOutcome = 'processed' | 'duplicate' | 'ignored' | 'unmatched';

// Concurrent deliveries of one event to this instance share the first one's work (and its Stripe
// read); on another instance, a concurrent duplicate reads Stripe too and then finds the row done.
const inFlight = new Map<string, Promise<WebhookOutcome>>();

export async function handleStripeEvent(stripe: Stripe, event: Stripe.Event): Promise<WebhookOutcome> {
  const running = inFlight.get(event.id);
  if (running) {
    // A failure of the first fails this one too: Stripe retries both.
    const outcome = await running;
    return outcome === 'unmatched' ? 'unmatched' : 'duplicate';
  }
  const work = processStripeEvent(stripe, event);
  inFlight.set(event.id, work);
  try {
    return await work;
  } finally {
    inFlight.delete(event.id);
  }
}

async function processStripeEvent(stripe: Stripe, event: Stripe.Event): Promise<WebhookOutcome> {
  if (await stripeEventHandled(event.id)) return 'duplicate';
  const customerId = customerOfEvent(event);
  const tenantId = customerId ? await tenantOfCustomer(customerId) : null;
  const read = tenantId && customerId ? await readCustomerBilling(stripe, customerId) : null;
  const outcome = read ? 'processed' : customerId ? 'unmatched' : 'ignored';

  const stored = await (tenantId ? billingTenantDb(tenantId) : billingDb()).$transaction(
    async (tx): Promise<BillingStateData | null | 'duplicate'> => {
      if ((await recordStripeEvent(tx, event, customerId, outcome)) === 'duplicate') return 'duplicate';
      return tenantId && read ? storeCustomerBilling(tx, read) : null;
    },
  );
  if (stored === 'duplicate') return 'duplicate';
  if (tenantId && stored) await afterBillingStored(tenantId, stored);
  return outcome;
}
