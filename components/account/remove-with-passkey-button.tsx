'use client';
// "Remove" for a person whose only second factors are passkeys: before the form is sent, one of
// their passkeys (the one being removed will do) answers a challenge issued to this session, and the
// answer goes with the form (lib/auth/passkeys/passkey-removal-proof.ts). A stolen session and the
// password are then not enough to take away their last second factor.
import { useRef, useState } from 'react';
import { answerPasskeyChallenge } from '@/components/auth/answer-passkey-challenge';

export function RemoveWithPasskeyButton() {
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  const assertion = useRef<HTMLInputElement>(null);

  async function confirmAndRemove(button: HTMLButtonElement) {
    setPending(true);
    setError(undefined);
    const answer = await answerPasskeyChallenge(
      '/api/passkeys/removal/options',
      'No passkey confirmed this. Try again.',
    );
    setPending(false);
    if (!answer.ok) return setError(answer.error);
    if (!assertion.current) return;
    assertion.current.value = answer.assertion;
    button.form?.requestSubmit();
  }

  return (
    <>
      <input type="hidden" name="assertion" ref={assertion} />
      <p className="text-xs text-slate-500">Your device will ask you to confirm with one of your passkeys.</p>
      <button
        type="button"
        onClick={(event) => void confirmAndRemove(event.currentTarget)}
        disabled={pending}
        className="rounded-md bg-red-600 px-4 py-2 text-sm font-medium text-white hover:bg-red-700 disabled:opacity-50"
      >
        {pending ? 'Working…' : 'Remove'}
      </button>
      <p aria-live="polite" className="text-sm text-red-700" data-testid="remove-with-passkey-error">
        {error}
      </p>
    </>
  );
}
