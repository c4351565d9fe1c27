// What a workspace may do now, from its billing state: pure, so every rule is table-tested. A
// subscription that lapsed (canceled, unpaid, expired) gives the free plan; past_due keeps the plan
// during Stripe's retries but is flagged, so the UI can warn.
import { type Features, isPlanId, type Limits, PLANS, type PlanId } from './plans';

export type Entitlements = {
  plan: PlanId;
  planName: string;
  status: string;
  limits: Limits;
  features: Features;
  pastDue: boolean;
};

const ENTITLED: ReadonlySet<string> = new Set(['active', 'trialing', 'past_due']);

export function entitlementsOf(state: { plan: string; status: string } | null): Entitlements {
  const status = state?.status ?? 'none';
  const plan: PlanId = state && ENTITLED.has(status) && isPlanId(state.plan) ? state.plan : 'free';
  return {
    plan,
    planName: PLANS[plan].name,
    status,
    limits: PLANS[plan].limits,
    features: PLANS[plan].features,
    pastDue: status === 'past_due',
  };
}

/** The limits counted one item at a time (storage is counted in bytes: lib/files/reserve-storage.ts; a
 *  rate is not held: requestsPerMinute). */
export type LimitName = 'seats' | 'projects' | 'customDomains';

const LIMIT_WORDS: Record<LimitName, [singular: string, plural: string]> = {
  seats: ['member (including pending invitations)', 'members (including pending invitations)'],
  projects: ['project', 'projects'],
  customDomains: ['custom domain', 'custom domains'],
};

/** Null when one more fits; otherwise the message that names the limit and how to raise it. */
export function limitRefusal(entitlements: Entitlements, limit: LimitName, used: number): string | null {
  const allowed = entitlements.limits[limit];
  if (used < allowed) return null;
  const [one, many] = LIMIT_WORDS[limit];
  const what = allowed === 1 ? `1 ${one}` : `${allowed} ${many}`;
  const raise =
    entitlements.plan === 'free' ? 'An owner can upgrade to Pro in Settings → Billing.' : 'Contact us to raise it.';
  return `The ${entitlements.planName} plan includes ${what}. ${raise}`;
}
