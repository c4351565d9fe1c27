// What the Billing settings page shows: the plan and its state, each limit beside current usage,
// and billable usage in the current period.
import 'server-only';
import type { TenantDb } from '../db/tenant-db';
import { type Entitlements, entitlementsOf, type LimitName } from './entitlements';

export type BillingOverview = {
  entitlements: Entitlements;
  currentPeriodEnd: Date | null;
  cancelAtPeriodEnd: boolean;
  hasStripeSubscription: boolean;
  usage: Record<LimitName, number>;
  billableThisPeriod: number;
  periodStart: Date;
};

export async function billingOverview(db: TenantDb): Promise<BillingOverview> {
  const state = await db.billingState.findFirst();
  const now = new Date();
  const periodStart = state?.currentPeriodStart ?? new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const [members, pending, projects, customDomains, billable] = await Promise.all([
    db.membership.count(),
    db.invitation.count({ where: { acceptedAt: null, revokedAt: null, expiresAt: { gt: now } } }),
    db.project.count(),
    db.domain.count(),
    db.usageEvent.aggregate({ _sum: { quantity: true }, where: { occurredAt: { gte: periodStart } } }),
  ]);
  return {
    // Fresh from the database here, not the cache: this is the page where an owner checks it.
    entitlements: entitlementsOf(state),
    currentPeriodEnd: state?.currentPeriodEnd ?? null,
    cancelAtPeriodEnd: state?.cancelAtPeriodEnd ?? false,
    hasStripeSubscription: Boolean(state?.stripeSubscriptionId),
    usage: { seats: members + pending, projects, customDomains },
    billableThisPeriod: billable._sum.quantity ?? 0,
    periodStart,
  };
}
