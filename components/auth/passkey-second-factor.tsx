'use client';
// "Use your passkey" on the second step of a sign-in: options for this browser's pending sign-in
// (only that user's passkeys), the authenticator's answer, then the same form action as a typed
// code, which counts the attempt and opens the session. Where the browser has no WebAuthn it says so.
import { browserSupportsWebAuthn } from '@simplewebauthn/browser';
import { useEffect, useRef, useState } from 'react';
import { completePasskeySecondFactorAction } from '@/app/signin/second-factor/actions';
import { answerPasskeyChallenge } from '@/components/auth/answer-passkey-challenge';
import { ActionForm } from '@/components/forms/action-form';

export function PasskeySecondFactor() {
  const [supported, setSupported] = useState<boolean>();
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  const assertion = useRef<HTMLInputElement>(null);
  useEffect(() => setSupported(browserSupportsWebAuthn()), []);
  if (supported === false) return <p className="text-sm text-slate-600">This browser cannot use passkeys.</p>;

  async function confirmWithPasskey(button: HTMLButtonElement) {
    setPending(true);
    setError(undefined);
    const answer = await answerPasskeyChallenge(
      '/api/passkeys/second-factor/options',
      'No passkey was used. Try again.',
    );
    setPending(false);
    if (!answer.ok) return setError(answer.error);
    if (!assertion.current) return;
    assertion.current.value = answer.assertion;
    button.form?.requestSubmit();
  }

  return (
    <ActionForm action={completePasskeySecondFactorAction} id="passkey-second-factor-form" className="space-y-2">
      <input type="hidden" name="assertion" ref={assertion} />
      <button
        type="button"
        onClick={(event) => void confirmWithPasskey(event.currentTarget)}
        disabled={pending || !supported}
        className="block w-full rounded-md border border-slate-300 px-4 py-2 text-sm font-medium disabled:opacity-50"
      >
        Use your passkey
      </button>
      <p aria-live="polite" className="text-sm text-red-700" data-testid="passkey-second-factor-error">
        {error}
      </p>
    </ActionForm>
  );
}
