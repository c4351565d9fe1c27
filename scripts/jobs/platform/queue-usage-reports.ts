// Hourly: one usage-report job per workspace with a Stripe customer, each in its own tenant's queue
// (so one slow workspace delays nobody else's report), keyed so a waiting report is not doubled.
import { REPORT_USAGE_JOB_KEY, reportUsageTask } from '../../../lib/billing/report-usage-task';
import { stripeClient } from '../../../lib/billing/stripe-client';
import { stripeCustomers } from '../../../lib/billing/stripe-customers';
import { enqueue } from '../../../lib/jobs/enqueue';

export async function queueUsageReports(): Promise<void> {
  if (!stripeClient()) return;
  const customers = await stripeCustomers();
  for (const { tenantId } of customers) {
    await enqueue(tenantId, reportUsageTask, {}, { jobKey: REPORT_USAGE_JOB_KEY });
  }
  console.log(`[billing] queued usage reports for ${customers.length} workspace(s)`);
}
