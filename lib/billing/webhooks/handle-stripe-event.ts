// Processes one verified webhook event at most once. The event id is the primary key of
// stripe_events: a second delivery, even a concurrent one, waits on the first one's row and then
// finds it done. The row commits together with the billing state, in one transaction on one
// connection (so N concurrent deliveries need N connections, never N + 1: no pool self-deadlock);
// a failure (Stripe unreachable while re-reading) leaves no row and Stripe's retry processes it
// afresh. An event for a customer no workspace has yet is kept as 'unmatched' and answered with
// an error, so Stripe retries it.
import 'server-only';
import type Stripe from 'stripe';
import { globalDb } from '../../db/global-db';
import { tenantDb } from '../../db/tenant-db';
import type { BillingStateData } from '../billing-state-from-stripe';
import { afterBillingStored, storeCustomerBilling, tenantOfCustomer } from '../sync-customer-billing';
import { customerOfEvent } from './customer-of-event';

export type WebhookOutcome = 'processed' | 'duplicate' | 'ignored' | 'unmatched';

export async function handleStripeEvent(stripe: Stripe, event: Stripe.Event): Promise<WebhookOutcome> {
  const customerId = customerOfEvent(event);
  // Looked up before the transaction opens: the transaction must not need a second connection.
  const tenantId = customerId ? await tenantOfCustomer(customerId) : null;
  const [outcome, stored] = await (tenantId ? tenantDb(tenantId) : globalDb()).$transaction(
    async (tx): Promise<[WebhookOutcome, BillingStateData | null]> => {
      const inserted = await tx.$executeRaw`
        INSERT INTO stripe_events (id, type, customer_id, status) VALUES (${event.id}, ${event.type}, ${customerId}, 'processing')
        ON CONFLICT (id) DO NOTHING`;
      if (inserted === 0) {
        const [seen] = await tx.$queryRaw<{ status: string }[]>`
          SELECT status FROM stripe_events WHERE id = ${event.id} FOR UPDATE`;
        if (seen?.status === 'processed' || seen?.status === 'ignored') return ['duplicate', null];
        await tx.$executeRaw`UPDATE stripe_events SET attempts = attempts + 1 WHERE id = ${event.id}`;
      }
      const state = tenantId && customerId ? await storeCustomerBilling(tx, stripe, tenantId, customerId) : null;
      const result: WebhookOutcome = state ? 'processed' : customerId ? 'unmatched' : 'ignored';
      await tx.$executeRaw`
        UPDATE stripe_events SET status = ${result}, processed_at = CASE WHEN ${result} = 'unmatched' THEN NULL ELSE now() END
         WHERE id = ${event.id}`;
      return [result, state];
    },
    { timeout: 30_000 },
  );
  if (tenantId && stored) await afterBillingStored(tenantId, stored);
  return outcome;
}
