// The browser half of proving a passkey inside a form: ask one of our routes for a challenge (bound
// to this browser by the route), let the authenticator answer it, and hand back the answer as the
// JSON text the form's hidden `assertion` field carries to its server action.
import { startAuthentication } from '@simplewebauthn/browser';

type Options = Parameters<typeof startAuthentication>[0]['optionsJSON'];
export type PasskeyAnswer = { ok: true; assertion: string } | { ok: false; error: string };

const FAILED = 'Something went wrong. Try again.';

export async function answerPasskeyChallenge(optionsPath: string, noPasskeyError: string): Promise<PasskeyAnswer> {
  const started = await fetch(optionsPath, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  })
    .then((response) => response.json() as Promise<{ options?: Options; error?: string }>)
    .catch(() => ({ error: FAILED }) as { options?: Options; error?: string });
  if (!started.options) return { ok: false, error: started.error ?? FAILED };
  try {
    return { ok: true, assertion: JSON.stringify(await startAuthentication({ optionsJSON: started.options })) };
  } catch {
    return { ok: false, error: noPasskeyError };
  }
}
