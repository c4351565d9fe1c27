// stripe_events, which webhook events were handled: these two functions are all that read or
// write it, through the definer functions stripe_event_status() and record_stripe_event() (app_user
// cannot read the table, so no tenant context can list another workspace's events). The event id is the primary key, so a second delivery, even a concurrent one on
// another instance, waits for the first one's transaction and then finds it done. 'unmatched'
// (a customer no workspace has yet) is not done: the redelivery is handled afresh.
import 'server-only';
import { globalDb } from '../../db/global-db';
import type { TenantTransaction } from '../../db/tenant-db';

export type RecordedOutcome = 'processed' | 'ignored' | 'unmatched';

/** Outside any transaction, before reading Stripe: a redelivery of a handled event costs no read. */
export async function stripeEventHandled(eventId: string): Promise<boolean> {
  const [row] = await globalDb().$queryRaw<{ status: string | null }[]>`
    SELECT stripe_event_status(${eventId}) AS status`;
  return row?.status === 'processed' || row?.status === 'ignored';
}

/** In the transaction that stores the billing state, first: 'duplicate' means store nothing. */
export async function recordStripeEvent(
  tx: TenantTransaction,
  event: { id: string; type: string },
  customerId: string | null,
  outcome: RecordedOutcome,
): Promise<'recorded' | 'duplicate'> {
  const [row] = await tx.$queryRaw<{ result: 'recorded' | 'duplicate' }[]>`
    SELECT record_stripe_event(${event.id}, ${event.type}, ${customerId}, ${outcome}) AS result`;
  if (!row) throw new Error(`stripe event ${event.id}: not recorded`);
  return row.result;
}
