'use client';
// Starts a workspace's OIDC sign-in through next-auth: a real form POST (next-auth answers it with
// a redirect to the IdP) carrying next-auth's CSRF token. next-auth/react's signIn() cannot be used:
// it first asks /api/auth/providers, which lists no per-workspace provider.
import { useEffect, useRef, useState } from 'react';

type Props = { providerId: string; callbackUrl: string; loginHint?: string };

export function OidcRedirect({ providerId, callbackUrl, loginHint }: Props) {
  const form = useRef<HTMLFormElement>(null);
  const [csrfToken, setCsrfToken] = useState<string>();
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    fetch('/api/auth/csrf')
      .then((response) => response.json() as Promise<{ csrfToken?: string }>)
      .then((body) => (body.csrfToken ? setCsrfToken(body.csrfToken) : setFailed(true)))
      .catch(() => setFailed(true));
  }, []);
  useEffect(() => {
    if (csrfToken) form.current?.submit();
  }, [csrfToken]);

  const query = loginHint ? `?${new URLSearchParams({ login_hint: loginHint })}` : '';
  return (
    <form ref={form} method="post" action={`/api/auth/signin/${providerId}${query}`} className="mt-6 space-y-4">
      <input type="hidden" name="csrfToken" value={csrfToken ?? ''} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <p className="text-sm text-slate-600" aria-live="polite">
        {failed ? 'Could not reach the sign-in service. Try again.' : 'Taking you to your identity provider…'}
      </p>
      <button
        type="submit"
        disabled={!csrfToken}
        className="rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white disabled:opacity-50"
      >
        Continue
      </button>
    </form>
  );
}
