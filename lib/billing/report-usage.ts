// Reports a workspace's unreported billable events to Stripe as meter events. Each event's id is
// the meter event's identifier, so a report that crashed after Stripe accepted it and before we
// marked it is refused as a duplicate by Stripe on the retry (and then marked), never counted twice.
// As billing_user: the only role that may mark an event reported (app_user may only add them).
import 'server-only';
import Stripe from 'stripe';
import { billingTenantDb } from '../db/billing-db';
import { env } from '../env';

export async function reportWorkspaceUsage(stripe: Stripe, tenantId: string, customerId: string): Promise<number> {
  const db = billingTenantDb(tenantId);
  const pending = await db.usageEvent.findMany({
    where: { reportedAt: null },
    orderBy: { occurredAt: 'asc' },
    take: 1_000,
  });
  let reported = 0;
  for (const event of pending) {
    try {
      await stripe.billing.meterEvents.create({
        event_name: env().STRIPE_METER_EVENT_NAME,
        identifier: event.id,
        timestamp: Math.floor(event.occurredAt.getTime() / 1000),
        payload: { stripe_customer_id: customerId, value: String(event.quantity) },
      });
    } catch (error) {
      const alreadyThere =
        error instanceof Stripe.errors.StripeInvalidRequestError && error.code === 'resource_already_exists';
      if (!alreadyThere) throw error;
    }
    await db.usageEvent.updateMany({ where: { id: event.id }, data: { reportedAt: new Date() } });
    reported++;
  }
  return reported;
}
