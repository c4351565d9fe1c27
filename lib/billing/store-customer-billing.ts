// Stores a read of Stripe (read-customer-billing.ts) as the workspace's billing state, in the
// caller's short transaction. Reads finish in any order, so one asked before a change in Stripe
// can arrive after one asked since: the stored state keeps its read's ticket, and an earlier read
// (lower ticket) is dropped. Nothing is lost by that: the later read was asked after everything the
// earlier one could have seen. Serialised per workspace (advisory lock) so the check holds.
import 'server-only';
import type { TenantTransaction } from '../db/tenant-db';
import type { BillingStateData } from './billing-state-from-stripe';
import type { CustomerBillingRead } from './read-customer-billing';

/** In a transaction opened with tenantDb(tenantId). Null when a later read is already stored. */
export async function storeCustomerBilling(
  tx: TenantTransaction,
  tenantId: string,
  read: CustomerBillingRead,
): Promise<BillingStateData | null> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`billing:${tenantId}`}))`;
  const stored = await tx.billingState.findFirst({ select: { stripeReadTicket: true } });
  if (stored && stored.stripeReadTicket >= read.ticket) return null;
  const data = { ...read.state, stripeReadTicket: read.ticket, syncedAt: new Date() };
  await tx.billingState.upsert({ where: { tenantId }, create: data, update: data });
  return read.state;
}
