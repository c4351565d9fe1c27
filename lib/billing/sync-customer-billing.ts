// Re-reads a customer's subscriptions from Stripe and stores the result as its workspace's billing
// state. Webhooks only trigger this (they are not trusted for content or order), as does the
// reconcile job, so whatever order events arrive in, the stored state is Stripe's current one.
// Serialised per workspace (advisory lock), so an older read can never overwrite a newer one.
import 'server-only';
import type Stripe from 'stripe';
import { globalDb } from '../db/global-db';
import { type TenantDb, tenantDb } from '../db/tenant-db';
import { type BillingStateData, billingStateFromSubscriptions } from './billing-state-from-stripe';
import { entitlementsOf } from './entitlements';
import { publishBillingFlags } from './publish-billing-flags';
import { forgetWorkspaceEntitlements } from './workspace-entitlements';

export type SyncOutcome =
  | { kind: 'synced'; tenantId: string; plan: string; status: string }
  | { kind: 'unknown-customer' };

export async function tenantOfCustomer(customerId: string): Promise<string | null> {
  const tenant = await globalDb().tenant.findFirst({ where: { stripeCustomerId: customerId }, select: { id: true } });
  return tenant?.id ?? null;
}

/** In the caller's transaction, opened with tenantDb(tenantId): one connection, whatever the load. */
export async function storeCustomerBilling(
  tx: Pick<TenantDb, '$executeRaw' | 'billingState'>,
  stripe: Stripe,
  tenantId: string,
  customerId: string,
): Promise<BillingStateData> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`billing:${tenantId}`}))`;
  // Every subscription, not the newest page: many newer canceled ones must not hide a live one.
  const subscriptions = await stripe.subscriptions
    .list({ customer: customerId, status: 'all', limit: 100 })
    .autoPagingToArray({ limit: 1_000 });
  const data = billingStateFromSubscriptions(subscriptions);
  await tx.billingState.upsert({
    where: { tenantId },
    create: { ...data, syncedAt: new Date() },
    update: { ...data, syncedAt: new Date() },
  });
  return data;
}

/** After the transaction that stored the state committed. */
export async function afterBillingStored(tenantId: string, state: BillingStateData): Promise<void> {
  forgetWorkspaceEntitlements(tenantId);
  await publishBillingFlags(tenantId, entitlementsOf(state));
}

export async function syncCustomerBilling(stripe: Stripe, customerId: string): Promise<SyncOutcome> {
  const tenantId = await tenantOfCustomer(customerId);
  if (!tenantId) return { kind: 'unknown-customer' };
  const state = await tenantDb(tenantId).$transaction((tx) => storeCustomerBilling(tx, stripe, tenantId, customerId), {
    timeout: 20_000,
  });
  await afterBillingStored(tenantId, state);
  return { kind: 'synced', tenantId, plan: state.plan, status: state.status };
}
