// stripe_events, which webhook events were handled: these two functions are all that read or
// write it. The event id is the primary key, so a second delivery, even a concurrent one on
// another instance, waits for the first one's transaction and then finds it done. 'unmatched'
// (a customer no workspace has yet) is not done: the redelivery is handled afresh.
import 'server-only';
import { globalDb } from '../../db/global-db';
import type { TenantTransaction } from '../../db/tenant-db';

export type RecordedOutcome = 'processed' | 'ignored' | 'unmatched';

/** Outside any transaction, before reading Stripe: a redelivery of a handled event costs no read. */
export async function stripeEventHandled(eventId: string): Promise<boolean> {
  const [row] = await globalDb().$queryRaw<{ status: string }[]>`
    SELECT status FROM stripe_events WHERE id = ${eventId}`;
  return row?.status === 'processed' || row?.status === 'ignored';
}

/** In the transaction that stores the billing state, first: 'duplicate' means store nothing. */
export async function recordStripeEvent(
  tx: TenantTransaction,
  event: { id: string; type: string },
  customerId: string | null,
  outcome: RecordedOutcome,
): Promise<'recorded' | 'duplicate'> {
  const inserted = await tx.$executeRaw`
    INSERT INTO stripe_events (id, type, customer_id, status, processed_at)
    VALUES (${event.id}, ${event.type}, ${customerId}, ${outcome}, CASE WHEN ${outcome} = 'unmatched' THEN NULL ELSE now() END)
    ON CONFLICT (id) DO NOTHING`;
  if (inserted === 1) return 'recorded';
  const [seen] = await tx.$queryRaw<{ status: string }[]>`
    SELECT status FROM stripe_events WHERE id = ${event.id} FOR UPDATE`;
  if (seen?.status === 'processed' || seen?.status === 'ignored') return 'duplicate';
  await tx.$executeRaw`
    UPDATE stripe_events
       SET status = ${outcome}, attempts = attempts + 1,
           processed_at = CASE WHEN ${outcome} = 'unmatched' THEN NULL ELSE now() END
     WHERE id = ${event.id}`;
  return 'recorded';
}
