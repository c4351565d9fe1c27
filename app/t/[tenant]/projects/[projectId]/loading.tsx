// Shown at once while a project page loads (a filter, the next page): the shape of the list, so
// the page does not jump, and words for screen readers.
export default function ProjectLoading() {
  return (
    <main className="mx-auto max-w-3xl px-6 py-12" aria-busy="true">
      <p className="sr-only" role="status">
        Loading the project…
      </p>
      <div className="h-4 w-24 animate-pulse rounded bg-slate-200" />
      <div className="mt-3 h-8 w-64 animate-pulse rounded bg-slate-200" />
      <div className="mt-8 h-10 w-full animate-pulse rounded bg-slate-200" />
      <ul className="mt-8 space-y-2">
        {['a', 'b', 'c', 'd', 'e'].map((row) => (
          <li key={row} className="h-16 animate-pulse rounded border border-slate-200 bg-white" />
        ))}
      </ul>
    </main>
  );
}
