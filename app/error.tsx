'use client';
// Unexpected errors land here. The browser gets a reference (digest), never the message; the
// server log has the details.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto max-w-xl px-6 py-24 text-center">
      <h1 className="text-3xl font-bold">Something went wrong</h1>
      <p className="mt-3 text-slate-600">We have been told. Reference: {error.digest ?? 'none'}</p>
      <button type="button" onClick={reset} className="mt-6 rounded bg-slate-900 px-4 py-2 text-white">
        Try again
      </button>
    </main>
  );
}
