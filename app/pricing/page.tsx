// The pricing page (root site): every plan from the one plan table (lib/billing/plans.ts), so a
// limit changed there is the limit shown here.
import type { Metadata } from 'next';
import Link from 'next/link';
import { type Limits, PLANS, type PlanId } from '@/lib/billing/plans';

export const metadata: Metadata = { title: 'Pricing — Tenantry' };

const bytes = new Intl.NumberFormat('en', { style: 'unit', unit: 'gigabyte', maximumFractionDigits: 1 });
const count = new Intl.NumberFormat('en');

const LIMIT_ROWS: [keyof Limits, string, (value: number) => string][] = [
  ['seats', 'Members', (value) => count.format(value)],
  ['projects', 'Projects', (value) => count.format(value)],
  ['customDomains', 'Custom domains', (value) => (value === 0 ? 'Subdomain only' : count.format(value))],
  ['storageBytes', 'File storage', (value) => bytes.format(value / 1024 ** 3)],
  ['requestsPerMinute', 'Requests a minute', (value) => count.format(value)],
];

export default function PricingPage() {
  const plans = Object.entries(PLANS) as [PlanId, (typeof PLANS)[PlanId]][];
  return (
    <main className="mx-auto max-w-4xl px-6 py-16">
      <p className="text-sm">
        <Link href="/" className="hover:underline">
          ← Tenantry
        </Link>
      </p>
      <h1 className="mt-4 text-3xl font-bold tracking-tight">Pricing</h1>
      <p className="mt-2 text-slate-600">Start free; upgrade a workspace from its billing page when it grows.</p>
      <ul className="mt-10 grid gap-6 sm:grid-cols-2" data-testid="plans">
        {plans.map(([id, plan]) => (
          <li key={id} className="flex flex-col rounded-lg border border-slate-200 bg-white p-6">
            <h2 className="text-xl font-semibold">{plan.name}</h2>
            <p className="mt-2">
              <span className="text-3xl font-bold">${plan.monthlyPriceUsd}</span>{' '}
              <span className="text-sm text-slate-500">per workspace a month</span>
            </p>
            <dl className="mt-6 space-y-2 text-sm">
              {LIMIT_ROWS.map(([key, label, format]) => (
                <div key={key} className="flex justify-between gap-4 border-b border-slate-100 pb-2">
                  <dt className="text-slate-600">{label}</dt>
                  <dd className="font-medium tabular-nums">{format(plan.limits[key])}</dd>
                </div>
              ))}
              <div className="flex justify-between gap-4 pb-2">
                <dt className="text-slate-600">Priority support</dt>
                <dd className="font-medium">{plan.features.prioritySupport ? 'Yes' : 'No'}</dd>
              </div>
            </dl>
            <Link
              href="/signup"
              className="mt-6 rounded-md bg-slate-900 px-4 py-2 text-center text-sm font-medium text-white"
            >
              {plan.monthlyPriceUsd === 0 ? 'Create a workspace' : `Start on Free, upgrade to ${plan.name}`}
            </Link>
          </li>
        ))}
      </ul>
    </main>
  );
}
