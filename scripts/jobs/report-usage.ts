// npm run jobs:report-usage: sends every workspace's unreported billable events to Stripe's meter
// (lib/billing/report-usage.ts). Safe to run as often as you like, and to re-run after a crash. The
// worker does the same hourly, one job per workspace (scripts/jobs/platform/queue-usage-reports.ts).
import { reportWorkspaceUsage } from '../../lib/billing/report-usage';
import { stripeClient } from '../../lib/billing/stripe-client';
import { stripeCustomers } from '../../lib/billing/stripe-customers';

const stripe = stripeClient();
if (!stripe) {
  console.error('[billing] STRIPE_SECRET_KEY is not set: nothing to report to');
  process.exit(2);
}
const customers = await stripeCustomers();
let total = 0;
let failed = 0;
for (const { tenantId: id, customerId: stripeCustomerId } of customers) {
  try {
    total += await reportWorkspaceUsage(stripe, id, stripeCustomerId);
  } catch (error) {
    failed++;
    console.error(`[billing] tenant=${id}: usage report failed (kept for the next run):`, error);
  }
}
console.log(`[billing] reported ${total} usage event(s) for ${customers.length} workspace(s), ${failed} failed`);
process.exit(failed ? 1 : 0);
