// Re-reads a customer's subscriptions from Stripe and stores the result as its workspace's billing
// state. Webhooks only trigger this (they are not trusted for content or order), as does the
// reconcile job, so whatever order events arrive in, the stored state is Stripe's current one.
// Stripe is read first, outside any transaction; the transaction that stores it is short, and
// billing_user's (app_user may only read billing state).
import 'server-only';
import type Stripe from 'stripe';
import { billingTenantDb } from '../db/billing-db';
import type { BillingStateData } from './billing-state-from-stripe';
import { entitlementsOf } from './entitlements';
import { publishBillingFlags } from './publish-billing-flags';
import { readCustomerBilling } from './read-customer-billing';
import { storeCustomerBilling } from './store-customer-billing';
import { tenantOfCustomer } from './stripe-customers';
import { forgetWorkspaceEntitlements } from './workspace-entitlements';

export type SyncOutcome =
  | { kind: 'synced'; tenantId: string; plan: string; status: string }
  | { kind: 'unknown-customer' };

/** After the transaction that stored the state committed. */
export async function afterBillingStored(tenantId: string, state: BillingStateData): Promise<void> {
  forgetWorkspaceEntitlements(tenantId);
  await publishBillingFlags(tenantId, entitlementsOf(state));
}

export async function syncCustomerBilling(stripe: Stripe, customerId: string): Promise<SyncOutcome> {
  const tenantId = await tenantOfCustomer(customerId);
  if (!tenantId) return { kind: 'unknown-customer' };
  const read = await readCustomerBilling(stripe, customerId);
  const stored = await billingTenantDb(tenantId).$transaction((tx) => storeCustomerBilling(tx, read));
  // Not stored: a read asked after this one already was, and it is at least as new.
  if (stored) await afterBillingStored(tenantId, stored);
  return { kind: 'synced', tenantId, plan: read.state.plan, status: read.state.status };
}
