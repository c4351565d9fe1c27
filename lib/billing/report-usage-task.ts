// A workspace's usage report to Stripe, as a tenant job. The hourly platform job queues one per
// workspace with a customer, under the job key "report-usage": while one waits, queueing again
// replaces it rather than adding a second. Reporting itself is idempotent (meter event identifiers,
// lib/billing/report-usage.ts), so a retry after a crash counts nothing twice.
import { z } from 'zod';
import { defineTenantTask } from '../jobs/tenant-task';
import { reportWorkspaceUsage } from './report-usage';
import { stripeClient } from './stripe-client';
import { customerOf } from './stripe-customers';

export const REPORT_USAGE_JOB_KEY = 'report-usage';

export const reportUsageTask = defineTenantTask({
  name: 'report-usage',
  payload: z.object({}),
  maxAttempts: 10,
  run: async ({ tenantId }) => {
    const stripe = stripeClient();
    const customerId = await customerOf(tenantId);
    if (!stripe || !customerId) return;
    const reported = await reportWorkspaceUsage(stripe, tenantId, customerId);
    if (reported) console.log(`[billing] tenant=${tenantId}: reported ${reported} usage event(s)`);
  },
});
