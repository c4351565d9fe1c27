// The plans: one table of what each allows. Stripe prices map to plans through the environment
// (STRIPE_PRICE_PRO), so a fork changes prices without touching code, and limits in one place.
import { env } from '../env';

// requestsPerMinute: every request to the workspace's host (pages, actions, route handlers, SCIM),
// counted per workspace in fixed one-minute windows, and at most a sixth of it in any one
// second (docs/decisions/022). Far above what people clicking and the e2e suite send, so only
// floods and runaway scripts meet it.
export type Limits = {
  seats: number;
  projects: number;
  customDomains: number;
  /** Bytes of tenant files (attachments, logo), enforced by lib/files/reserve-storage.ts. */
  storageBytes: number;
  requestsPerMinute: number;
};
export type Features = { auditLog: boolean; prioritySupport: boolean };
export type PlanId = 'free' | 'pro';

// monthlyPriceUsd is what the pricing page says; Stripe's price (STRIPE_PRICE_PRO) is what is
// charged, so change both together.
export const PLANS = {
  free: {
    name: 'Free',
    monthlyPriceUsd: 0,
    limits: { seats: 5, projects: 10, customDomains: 0, storageBytes: 100 * 1024 ** 2, requestsPerMinute: 600 },
    features: { auditLog: true, prioritySupport: false },
  },
  pro: {
    name: 'Pro',
    monthlyPriceUsd: 29,
    limits: { seats: 50, projects: 1000, customDomains: 10, storageBytes: 10 * 1024 ** 3, requestsPerMinute: 6000 },
    features: { auditLog: true, prioritySupport: true },
  },
} as const satisfies Record<PlanId, { name: string; monthlyPriceUsd: number; limits: Limits; features: Features }>;

export const PAID_PLANS = ['pro'] as const satisfies readonly PlanId[];

export function isPlanId(value: string): value is PlanId {
  return value in PLANS;
}

/** The Stripe price that sells a paid plan, or undefined when billing is not configured for it. */
export function priceForPlan(plan: (typeof PAID_PLANS)[number]): string | undefined {
  return { pro: env().STRIPE_PRICE_PRO }[plan];
}

/** The plan a Stripe price sells; an unknown price sells nothing (free), never a guess. */
export function planForPrice(priceId: string | null | undefined): PlanId {
  if (priceId && priceId === env().STRIPE_PRICE_PRO) return 'pro';
  return 'free';
}
