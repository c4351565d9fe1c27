// Stores a read of Stripe (read-customer-billing.ts) as the workspace's billing state, in the
// caller's short transaction. Reads finish in any order, so one asked before a change in Stripe
// can arrive after one asked since: the row keeps its read's ticket, and an earlier read (lower
// ticket) is dropped. Nothing is lost by that: the later read was asked after everything the
// earlier one could have seen. One statement: ON CONFLICT locks the row and compares the ticket
// with its latest committed version, so concurrent stores for one workspace need no other lock.
import 'server-only';
import type { TenantTransaction } from '../db/tenant-db';
import type { BillingStateData } from './billing-state-from-stripe';
import type { CustomerBillingRead } from './read-customer-billing';

/** In a transaction opened with billingTenantDb(tenantId) (tenant_id is its default). Null when a later read is stored. */
export async function storeCustomerBilling(
  tx: TenantTransaction,
  read: CustomerBillingRead,
): Promise<BillingStateData | null> {
  const s = read.state;
  const written = await tx.$executeRaw`
    INSERT INTO billing_states (plan, status, stripe_subscription_id, price_id, current_period_start,
                                current_period_end, cancel_at_period_end, trial_end, synced_at, stripe_read_ticket)
    VALUES (${s.plan}, ${s.status}, ${s.stripeSubscriptionId}, ${s.priceId}, ${s.currentPeriodStart},
            ${s.currentPeriodEnd}, ${s.cancelAtPeriodEnd}, ${s.trialEnd}, now(), ${read.ticket})
    ON CONFLICT (tenant_id) DO UPDATE SET
      plan = EXCLUDED.plan, status = EXCLUDED.status, stripe_subscription_id = EXCLUDED.stripe_subscription_id,
      price_id = EXCLUDED.price_id, current_period_start = EXCLUDED.current_period_start,
      current_period_end = EXCLUDED.current_period_end, cancel_at_period_end = EXCLUDED.cancel_at_period_end,
      trial_end = EXCLUDED.trial_end, synced_at = EXCLUDED.synced_at, stripe_read_ticket = EXCLUDED.stripe_read_ticket
    WHERE billing_states.stripe_read_ticket < EXCLUDED.stripe_read_ticket`;
  return written === 1 ? s : null;
}
