// Nothing at this address: on the root site, or on a workspace's host (a page, a project that is
// not this workspace's, or no workspace at all). The way back is the host's own home page.
import Link from 'next/link';

export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl px-6 py-24 text-center">
      <h1 className="text-3xl font-bold">Not found</h1>
      <p className="mt-3 text-slate-600">There is no workspace or page at this address.</p>
      <p className="mt-6">
        <Link href="/" className="rounded-md border border-slate-300 px-4 py-2 text-sm font-medium">
          Go to the home page
        </Link>
      </p>
    </main>
  );
}
