// npm run jobs:reconcile-billing: re-reads every customer's subscriptions from Stripe and stores
// them (the same sync a webhook triggers), healing any event that was missed or failed for good.
// The worker runs the same nightly (scripts/jobs/crontab.ts).
import { stripeClient } from '../../lib/billing/stripe-client';
import { reconcileAllBilling } from './platform/reconcile-all-billing';

if (!stripeClient()) {
  console.error('[billing] STRIPE_SECRET_KEY is not set: nothing to reconcile with');
  process.exit(2);
}
process.exit((await reconcileAllBilling()) ? 1 : 0);
