// Re-reads every customer's subscriptions from Stripe and stores them (the sync a webhook triggers),
// healing any event that was missed or failed for good. A platform job; returns how many failed.
import { stripeClient } from '../../../lib/billing/stripe-client';
import { stripeCustomers } from '../../../lib/billing/stripe-customers';
import { syncCustomerBilling } from '../../../lib/billing/sync-customer-billing';

export async function reconcileAllBilling(): Promise<number> {
  const stripe = stripeClient();
  if (!stripe) {
    console.log('[billing] STRIPE_SECRET_KEY is not set: nothing to reconcile with');
    return 0;
  }
  const customers = await stripeCustomers();
  let failed = 0;
  for (const { tenantId: id, customerId: stripeCustomerId } of customers) {
    try {
      const outcome = await syncCustomerBilling(stripe, stripeCustomerId);
      if (outcome.kind === 'synced') console.log(`[billing] tenant=${id}: ${outcome.plan} (${outcome.status})`);
    } catch (error) {
      failed++;
      console.error(`[billing] tenant=${id}: reconcile failed:`, error);
    }
  }
  console.log(`[billing] reconciled ${customers.length - failed} of ${customers.length} workspace(s)`);
  return failed;
}
