export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl px-6 py-24 text-center">
      <h1 className="text-3xl font-bold">Not found</h1>
      <p className="mt-3 text-slate-600">There is no workspace or page at this address.</p>
    </main>
  );
}
