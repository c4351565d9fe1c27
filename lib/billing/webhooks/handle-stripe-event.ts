// Processes one verified webhook event at most once. The event id is the primary key of
// stripe_events: a second delivery, even a concurrent one, waits on the first one's row and then
// finds it done. The row commits together with the outcome, so a failure (Stripe unreachable while
// re-reading) leaves no row and Stripe's retry processes it afresh. An event for a customer no
// workspace has yet is kept as 'unmatched' and answered with an error, so Stripe retries it.
import 'server-only';
import type Stripe from 'stripe';
import { globalDb } from '../../db/global-db';
import { syncCustomerBilling } from '../sync-customer-billing';
import { customerOfEvent } from './customer-of-event';

export type WebhookOutcome = 'processed' | 'duplicate' | 'ignored' | 'unmatched';

export async function handleStripeEvent(stripe: Stripe, event: Stripe.Event): Promise<WebhookOutcome> {
  const customerId = customerOfEvent(event);
  return globalDb().$transaction(
    async (tx): Promise<WebhookOutcome> => {
      const inserted = await tx.$executeRaw`
        INSERT INTO stripe_events (id, type, customer_id, status) VALUES (${event.id}, ${event.type}, ${customerId}, 'processing')
        ON CONFLICT (id) DO NOTHING`;
      if (inserted === 0) {
        const [seen] = await tx.$queryRaw<{ status: string }[]>`
          SELECT status FROM stripe_events WHERE id = ${event.id} FOR UPDATE`;
        if (seen?.status === 'processed' || seen?.status === 'ignored') return 'duplicate';
        await tx.$executeRaw`UPDATE stripe_events SET attempts = attempts + 1 WHERE id = ${event.id}`;
      }
      const outcome = customerId ? await sync(stripe, customerId) : 'ignored';
      await tx.$executeRaw`
        UPDATE stripe_events SET status = ${outcome}, processed_at = CASE WHEN ${outcome} = 'unmatched' THEN NULL ELSE now() END
         WHERE id = ${event.id}`;
      return outcome;
    },
    { timeout: 30_000 },
  );
}

async function sync(stripe: Stripe, customerId: string): Promise<'processed' | 'unmatched'> {
  const result = await syncCustomerBilling(stripe, customerId);
  return result.kind === 'synced' ? 'processed' : 'unmatched';
}
