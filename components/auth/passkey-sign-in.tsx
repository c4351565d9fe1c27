'use client';
// "Sign in with a passkey" on the root sign-in page: no email needed. The server hands out a
// challenge bound to this browser, the authenticator offers the passkeys it holds for our domain,
// and the server's answer says where to go (or, for an address that must use SSO, back to the
// sign-in page's SSO refusal). Hidden where the browser has no WebAuthn.
import { browserSupportsWebAuthn, startAuthentication } from '@simplewebauthn/browser';
import { useEffect, useState } from 'react';

type Answer = { url?: string; error?: string; options?: Parameters<typeof startAuthentication>[0]['optionsJSON'] };

async function post(path: string, body: unknown): Promise<Answer> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await response.json().catch(() => ({ error: 'Sign-in failed. Try again.' }))) as Answer;
}

export function PasskeySignIn({ callbackUrl }: { callbackUrl: string }) {
  const [supported, setSupported] = useState(false);
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  useEffect(() => setSupported(browserSupportsWebAuthn()), []);
  if (!supported) return null;

  async function signIn() {
    setPending(true);
    setError(undefined);
    try {
      const started = await post('/api/passkeys/sign-in/options', {});
      if (!started.options) return setError(started.error ?? 'Sign-in failed. Try again.');
      const assertion = await startAuthentication({ optionsJSON: started.options });
      const answer = await post('/api/passkeys/sign-in', { response: assertion, callbackUrl });
      if (answer.url) return window.location.assign(answer.url);
      setError(answer.error ?? 'Sign-in failed. Try again.');
    } catch {
      setError('No passkey was used. Try again, or sign in another way.');
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="mt-6 space-y-2 border-t border-slate-200 pt-6">
      <button
        type="button"
        onClick={() => void signIn()}
        disabled={pending}
        className="block w-full rounded-md border border-slate-300 px-4 py-2 text-sm font-medium disabled:opacity-50"
      >
        Sign in with a passkey
      </button>
      <p aria-live="polite" className="text-sm text-red-700" data-testid="passkey-sign-in-error">
        {error}
      </p>
    </div>
  );
}
