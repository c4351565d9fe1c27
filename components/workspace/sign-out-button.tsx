// A plain form POST to this host's /auth/sign-out (same-origin checked there). Works without JS.
export function SignOutButton({ label = 'Sign out' }: { label?: string }) {
  return (
    <form action="/auth/sign-out" method="post">
      <button type="submit" className="text-sm text-slate-600 hover:underline">
        {label}
      </button>
    </form>
  );
}
