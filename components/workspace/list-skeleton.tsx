// What a list shows while its rows load (a Suspense fallback inside a page, after the page's own
// membership check: a route-level loading.tsx would start the response before that check, and its
// redirects and 404s would then arrive as 200s, docs/decisions/027).
export function ListSkeleton({ label, rows = 5 }: { label: string; rows?: number }) {
  return (
    <div aria-busy="true" className="mt-8">
      <p className="sr-only" role="status">
        {label}
      </p>
      <ul className="space-y-3">
        {Array.from({ length: rows }, (_, row) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: placeholder rows have nothing else to be told apart by
          <li key={row} className="h-10 animate-pulse rounded-md border border-slate-200 bg-white" />
        ))}
      </ul>
    </div>
  );
}
