export default function CheckEmail() {
  return (
    <main className="mx-auto max-w-md px-6 py-16">
      <h1 className="text-2xl font-bold">Check your email</h1>
      <p className="mt-4 text-slate-600">A sign-in link is on its way. It works once, for ten minutes.</p>
    </main>
  );
}
