// A plain form POST to this host's /auth/sign-out (same-origin checked there). Works without JS.
export function SignOutButton() {
  return (
    <form action="/auth/sign-out" method="post">
      <button type="submit" className="text-sm text-slate-600 hover:underline">
        Sign out
      </button>
    </form>
  );
}
