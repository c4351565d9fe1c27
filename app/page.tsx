// The marketing site, served on the root domain only.
import Link from 'next/link';
import { ThemeToggle } from '@/components/theme/theme-toggle';

const FEATURES = [
  ['Every workspace on its own host', 'acme.myapp.com, or a verified custom domain like app.acme.com.'],
  [
    'Isolation in the database',
    'PostgreSQL row level security filters every query, even the one with a forgotten WHERE.',
  ],
  ['Tested for leaks', 'Cross-tenant reads, writes and races are part of the test suite, not a hope.'],
] as const;

export default function MarketingPage() {
  return (
    <main className="mx-auto max-w-3xl px-6 py-20">
      <h1 className="text-4xl font-bold tracking-tight">Tenantry</h1>
      <p className="mt-4 text-lg text-slate-600">The multi-tenant Next.js starter for business-to-business products.</p>
      <p className="mt-8 flex gap-4">
        <Link href="/signup" className="rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white">
          Create a workspace
        </Link>
        <Link href="/account" className="rounded-md border border-slate-300 px-4 py-2 text-sm font-medium">
          Sign in
        </Link>
        <Link href="/pricing" className="px-4 py-2 text-sm font-medium hover:underline">
          Pricing
        </Link>
      </p>
      <ul className="mt-10 grid gap-6 sm:grid-cols-3">
        {FEATURES.map(([title, text]) => (
          <li key={title} className="rounded-lg border border-slate-200 bg-white p-5">
            <h2 className="font-semibold">{title}</h2>
            <p className="mt-2 text-sm text-slate-600">{text}</p>
          </li>
        ))}
      </ul>
      <footer className="mt-16 flex justify-end">
        <ThemeToggle />
      </footer>
    </main>
  );
}
