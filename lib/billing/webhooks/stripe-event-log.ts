// stripe_events, which webhook events were handled: these two functions are all that read or
// write it, as billing_user (app_user cannot reach the table, so no tenant context can list or
// forge events). The event id is the primary key, so a second delivery, even a concurrent one on
// another instance, waits for the first one's transaction and then finds it done. 'unmatched'
// (a customer no workspace has yet) is not done: the redelivery is handled afresh.
import 'server-only';
import { billingDb } from '../../db/billing-db';
import type { TenantTransaction } from '../../db/tenant-db';

export type RecordedOutcome = 'processed' | 'ignored' | 'unmatched';

/** Outside any transaction, before reading Stripe: a redelivery of a handled event costs no read. */
export async function stripeEventHandled(eventId: string): Promise<boolean> {
  const row = await billingDb().stripeEvent.findFirst({ where: { id: eventId }, select: { status: true } });
  return row?.status === 'processed' || row?.status === 'ignored';
}

/** In the transaction that stores the billing state, first: 'duplicate' means store nothing. */
export async function recordStripeEvent(
  tx: TenantTransaction,
  event: { id: string; type: string },
  customerId: string | null,
  outcome: RecordedOutcome,
): Promise<'recorded' | 'duplicate'> {
  // One statement: a new event is inserted; an unmatched one is taken over (another attempt); a
  // handled one is left alone and nothing returns. ON CONFLICT waits for a concurrent first
  // delivery's transaction, then judges the row it committed (or inserts, if it rolled back).
  const processedAt = outcome === 'unmatched' ? null : new Date();
  const recorded = await tx.$executeRaw`
    INSERT INTO stripe_events (id, type, customer_id, status, processed_at)
    VALUES (${event.id}, ${event.type}, ${customerId}, ${outcome}, ${processedAt})
    ON CONFLICT (id) DO UPDATE SET
      status = EXCLUDED.status, processed_at = EXCLUDED.processed_at, attempts = stripe_events.attempts + 1
    WHERE stripe_events.status = 'unmatched'`;
  return recorded === 1 ? 'recorded' : 'duplicate';
}
