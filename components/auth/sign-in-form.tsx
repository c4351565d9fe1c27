'use client';
// Sign-in through next-auth's client: email + password, or a magic link by email. OAuth buttons
// appear for the providers the server has configured. Errors are shown beside the form. Single
// sign-on: the workspace's own button when the sign-in is for a workspace that has one, and
// "Sign in with SSO", which finds the IdP from the email's domain.
import { signIn } from 'next-auth/react';
import { useId, useState } from 'react';
import { signInErrorMessage } from '@/lib/auth/sign-in-error-message';

type Props = {
  callbackUrl: string;
  oauthProviders: { id: string; name: string }[];
  initialError?: string;
  initialEmail?: string;
  /** The server refused this email anything but single sign-on (?error=SsoRequired). */
  initialSsoRequired?: boolean;
  workspaceSso?: { name: string; href: string };
};

const SSO_REQUIRED = 'Your organisation requires single sign-on for this address.';

export function SignInForm(props: Props) {
  const { callbackUrl, oauthProviders, initialError, initialEmail, initialSsoRequired, workspaceSso } = props;
  const [error, setError] = useState(initialError);
  const [ssoRequiredFor, setSsoRequiredFor] = useState(initialSsoRequired ? initialEmail : undefined);
  const [pending, setPending] = useState(false);
  const emailId = useId();
  const passwordId = useId();

  function singleSignOn(email: string) {
    window.location.assign(`/signin/sso?${new URLSearchParams({ email, callbackUrl })}`);
  }

  async function submit(formData: FormData, method: 'password' | 'email' | 'sso') {
    const email = String(formData.get('email') ?? '');
    if (method === 'sso') return singleSignOn(email);
    setPending(true);
    setError(undefined);
    const result =
      method === 'password'
        ? await signIn('password', {
            email,
            password: String(formData.get('password') ?? ''),
            callbackUrl,
            redirect: false,
          })
        : await signIn('email', { email, callbackUrl, redirect: false });
    setPending(false);
    if (result?.error === 'SsoRequired') {
      setError(SSO_REQUIRED);
      setSsoRequiredFor(email);
      return;
    }
    if (!result || result.error) {
      // next-auth's code (wrong password, a rate limit, …), else the method's usual failure.
      setError(signInErrorMessage(result?.error || (method === 'password' ? 'CredentialsSignin' : 'EmailSignin')));
      return;
    }
    window.location.assign(result.url ?? callbackUrl);
  }

  return (
    <div className="mt-8 space-y-6">
      {workspaceSso && (
        <a
          href={workspaceSso.href}
          data-testid="workspace-sso"
          className="block w-full rounded-md bg-indigo-700 px-4 py-2 text-center text-sm font-medium text-white"
        >
          Sign in with {workspaceSso.name} single sign-on
        </a>
      )}
      <form
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          const submitter = (event.nativeEvent as SubmitEvent).submitter?.getAttribute('value');
          const method = submitter === 'email' || submitter === 'sso' ? submitter : 'password';
          void submit(new FormData(event.currentTarget), method);
        }}
      >
        <div>
          <label htmlFor={emailId} className="block text-sm font-medium">
            Email
          </label>
          <input
            id={emailId}
            name="email"
            type="email"
            autoComplete="email"
            defaultValue={initialEmail}
            required
            className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
          />
        </div>
        <div>
          <label htmlFor={passwordId} className="block text-sm font-medium">
            Password
          </label>
          <input
            id={passwordId}
            name="password"
            type="password"
            autoComplete="current-password"
            className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
          />
        </div>
        <p aria-live="polite" className="text-sm text-red-700" data-testid="sign-in-error">
          {error}
        </p>
        {ssoRequiredFor && (
          <button
            type="button"
            onClick={() => singleSignOn(ssoRequiredFor)}
            className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white"
          >
            Continue with single sign-on
          </button>
        )}
        <div className="flex flex-wrap gap-3">
          <button
            type="submit"
            value="password"
            disabled={pending}
            className="rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white disabled:opacity-50"
          >
            Sign in
          </button>
          <button
            type="submit"
            value="email"
            disabled={pending}
            formNoValidate
            className="rounded-md border border-slate-300 px-4 py-2 text-sm font-medium disabled:opacity-50"
          >
            Email me a sign-in link
          </button>
          <button
            type="submit"
            value="sso"
            disabled={pending}
            formNoValidate
            className="rounded-md border border-slate-300 px-4 py-2 text-sm font-medium disabled:opacity-50"
          >
            Sign in with SSO
          </button>
        </div>
      </form>
      {oauthProviders.length > 0 && (
        <div className="space-y-2 border-t border-slate-200 pt-6">
          {oauthProviders.map((provider) => (
            <button
              key={provider.id}
              type="button"
              onClick={() => void signIn(provider.id, { callbackUrl })}
              className="block w-full rounded-md border border-slate-300 px-4 py-2 text-sm"
            >
              Continue with {provider.name}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
