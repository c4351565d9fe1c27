'use client';
// "Add a passkey": the user names it and re-authenticates; the server answers with creation
// options (and a challenge cookie for this browser), the browser's authenticator makes the
// credential, and the server verifies and stores it. Failures are shown beside the form.
import { startRegistration, WebAuthnError } from '@simplewebauthn/browser';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';

type Result = { error?: string; options?: Parameters<typeof startRegistration>[0]['optionsJSON']; name?: string };

async function post(path: string, body: unknown): Promise<Result> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await response.json().catch(() => ({ error: 'Something went wrong. Try again.' }))) as Result;
}

export function AddPasskeyForm({ askPassword }: { askPassword: boolean }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const [pending, setPending] = useState(false);
  const nameId = useId();
  const passwordId = useId();

  async function add(form: HTMLFormElement) {
    const data = new FormData(form);
    setPending(true);
    setMessage(undefined);
    try {
      const started = await post('/api/passkeys/registration/options', {
        name: String(data.get('name') ?? ''),
        ...(askPassword ? { currentPassword: String(data.get('currentPassword') ?? '') } : {}),
      });
      if (!started.options) return setMessage({ ok: false, text: started.error ?? 'The passkey was not added.' });
      const credential = await startRegistration({ optionsJSON: started.options });
      const finished = await post('/api/passkeys/registration', { response: credential });
      if (finished.error) return setMessage({ ok: false, text: finished.error });
      form.reset();
      setMessage({ ok: true, text: `Added “${finished.name}”. You can sign in with it now.` });
      router.refresh();
    } catch (error) {
      // Cancelled, timed out, no authenticator, or one that is already registered here.
      const already = error instanceof WebAuthnError && error.code === 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED';
      setMessage({
        ok: false,
        text: already ? 'This device already has a passkey for your account.' : 'No passkey was created.',
      });
    } finally {
      setPending(false);
    }
  }

  return (
    <form
      id="add-passkey-form"
      className="mt-4 space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        void add(event.currentTarget);
      }}
    >
      <div>
        <label htmlFor={nameId} className="block text-sm font-medium">
          Passkey name
        </label>
        <input
          id={nameId}
          name="name"
          required
          maxLength={60}
          placeholder="e.g. Work laptop"
          className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
        />
      </div>
      {askPassword && (
        <div>
          <label htmlFor={passwordId} className="block text-sm font-medium">
            Current password
          </label>
          <input
            id={passwordId}
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
          />
        </div>
      )}
      <p aria-live="polite" className="text-sm" data-testid="add-passkey-form-result">
        {message && <span className={message.ok ? 'text-emerald-700' : 'text-red-700'}>{message.text}</span>}
      </p>
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white disabled:opacity-50"
      >
        {pending ? 'Working…' : 'Add a passkey'}
      </button>
    </form>
  );
}
