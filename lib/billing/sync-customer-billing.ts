// Re-reads a customer's subscriptions from Stripe and stores the result as its workspace's billing
// state. Webhooks only trigger this (they are not trusted for content or order), as does the
// reconcile job, so whatever order events arrive in, the stored state is Stripe's current one.
// Serialised per workspace (advisory lock), so an older read can never overwrite a newer one.
import 'server-only';
import type Stripe from 'stripe';
import { globalDb } from '../db/global-db';
import { tenantDb } from '../db/tenant-db';
import { billingStateFromSubscriptions } from './billing-state-from-stripe';
import { entitlementsOf } from './entitlements';
import { publishBillingFlags } from './publish-billing-flags';
import { forgetWorkspaceEntitlements } from './workspace-entitlements';

export type SyncOutcome =
  | { kind: 'synced'; tenantId: string; plan: string; status: string }
  | { kind: 'unknown-customer' };

export async function syncCustomerBilling(stripe: Stripe, customerId: string): Promise<SyncOutcome> {
  const tenant = await globalDb().tenant.findFirst({ where: { stripeCustomerId: customerId }, select: { id: true } });
  if (!tenant) return { kind: 'unknown-customer' };
  const state = await tenantDb(tenant.id).$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`billing:${tenant.id}`}))`;
      const subscriptions = await stripe.subscriptions.list({ customer: customerId, status: 'all', limit: 20 });
      const data = billingStateFromSubscriptions(subscriptions.data);
      await tx.billingState.upsert({
        where: { tenantId: tenant.id },
        create: { ...data, syncedAt: new Date() },
        update: { ...data, syncedAt: new Date() },
      });
      return data;
    },
    { timeout: 20_000 },
  );
  forgetWorkspaceEntitlements(tenant.id);
  await publishBillingFlags(tenant.id, entitlementsOf(state));
  return { kind: 'synced', tenantId: tenant.id, plan: state.plan, status: state.status };
}
