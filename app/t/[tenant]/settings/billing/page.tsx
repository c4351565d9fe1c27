// Billing settings (owners): the plan, its limits beside current usage, billable usage this period,
// and the way to Stripe Checkout (upgrade) or the customer portal (payment, cancel).
import { ActionForm } from '@/components/forms/action-form';
import { SubmitButton } from '@/components/forms/submit-button';
import { requireMember } from '@/lib/auth/require-member';
import { billingOverview } from '@/lib/billing/billing-overview';
import type { Limits } from '@/lib/billing/plans';
import { formatBytes } from '@/lib/files/format-bytes';
import { openPortalAction, startCheckoutAction } from './actions';

/** The limits shown against usage (requestsPerMinute is a rate, shown on its own row). */
type HeldLimit = Exclude<keyof Limits, 'requestsPerMinute'>;

const LIMIT_LABELS: Record<HeldLimit, string> = {
  seats: 'Members and pending invitations',
  projects: 'Projects',
  customDomains: 'Custom domains',
  storageBytes: 'File storage',
};
const DATE = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' });

type Props = { params: Promise<{ tenant: string }>; searchParams: Promise<{ checkout?: string }> };

export default async function BillingPage({ params, searchParams }: Props) {
  const { workspace, db } = await requireMember((await params).tenant, {
    path: '/settings/billing',
    permission: 'billing.manage',
  });
  const overview = await billingOverview(db);
  const { entitlements } = overview;
  const justPaid = (await searchParams).checkout === 'done';
  return (
    <main className="mx-auto max-w-3xl px-6 py-12">
      <h1 className="text-2xl font-bold">Billing for {workspace.name}</h1>
      {justPaid && entitlements.plan === 'free' && (
        <p className="mt-4 rounded bg-amber-50 p-3 text-sm" data-testid="checkout-pending">
          Payment received by Stripe; your new plan appears here within seconds. Reload to check.
        </p>
      )}
      {entitlements.pastDue && (
        <p className="mt-4 rounded bg-red-50 p-3 text-sm text-red-800" role="alert">
          Your last payment failed. Update your payment method to keep your plan.
        </p>
      )}
      <section className="mt-8">
        <p className="text-lg">
          Plan: <strong data-testid="billing-plan">{entitlements.planName}</strong>{' '}
          <span className="text-sm text-slate-500" data-testid="billing-status">
            ({entitlements.status === 'none' ? 'no subscription' : entitlements.status})
          </span>
        </p>
        {overview.currentPeriodEnd && (
          <p className="mt-1 text-sm text-slate-600">
            {overview.cancelAtPeriodEnd ? 'Ends' : 'Renews'} on {DATE.format(overview.currentPeriodEnd)}
          </p>
        )}
        <table className="mt-6 w-full text-sm">
          <tbody>
            {(Object.keys(LIMIT_LABELS) as HeldLimit[]).map((limit) => (
              <tr key={limit} className="border-b border-slate-100" data-testid={`limit-${limit}`}>
                <td className="py-2">{LIMIT_LABELS[limit]}</td>
                <td className="py-2 text-right tabular-nums">
                  {limit === 'storageBytes'
                    ? `${formatBytes(overview.usage[limit])} of ${formatBytes(entitlements.limits[limit])}`
                    : `${overview.usage[limit]} of ${entitlements.limits[limit]}`}
                </td>
              </tr>
            ))}
            <tr className="border-b border-slate-100" data-testid="limit-requestsPerMinute">
              <td className="py-2">Requests per minute (pages, forms, API and SCIM together)</td>
              <td className="py-2 text-right tabular-nums">{entitlements.limits.requestsPerMinute}</td>
            </tr>
            <tr data-testid="billable-usage">
              <td className="py-2">Billable events since {DATE.format(overview.periodStart)}</td>
              <td className="py-2 text-right tabular-nums">{overview.billableThisPeriod}</td>
            </tr>
          </tbody>
        </table>
      </section>
      <section className="mt-8 flex flex-wrap gap-4">
        {entitlements.plan === 'free' && (
          <ActionForm action={startCheckoutAction} id="upgrade-form">
            <input type="hidden" name="plan" value="pro" />
            <SubmitButton>Upgrade to Pro</SubmitButton>
          </ActionForm>
        )}
        {overview.hasStripeSubscription && (
          <ActionForm action={openPortalAction} id="portal-form">
            <SubmitButton>Manage payment or cancel</SubmitButton>
          </ActionForm>
        )}
      </section>
    </main>
  );
}
