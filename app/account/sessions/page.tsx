// The sessions page (root site): every browser signed in to this account, with the hosts each was
// handed to grouped under it; end any one of them, or all but this one.
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { SessionItem } from '@/components/account/session-item';
import { ActionForm } from '@/components/forms/action-form';
import { SubmitButton } from '@/components/forms/submit-button';
import { appUrl } from '@/lib/auth/app-url';
import { currentSession } from '@/lib/auth/current-session';
import { listUserSessions } from '@/lib/auth/list-user-sessions';
import { LAST_SEEN_INTERVAL_MS } from '@/lib/auth/session-last-seen';
import { signOutOtherSessionsAction } from './actions';

export default async function SessionsPage() {
  const session = await currentSession();
  if (!session) redirect(`/signin?callbackUrl=${encodeURIComponent(`${appUrl().origin}/account/sessions`)}`);
  const sessions = await listUserSessions(session.user.id, session.id);
  return (
    <main className="mx-auto max-w-2xl space-y-8 px-6 py-12">
      <header>
        <Link href="/account" className="text-sm text-slate-600 underline">
          ← Your account
        </Link>
        <h1 className="mt-2 text-2xl font-bold">Where you are signed in</h1>
        <p className="mt-1 text-sm text-slate-600">
          “Last seen” is updated at most every {LAST_SEEN_INTERVAL_MS / 60_000} minutes. Ending a session signs that
          browser out at its next request, on every host it was handed to.
        </p>
      </header>
      <ul className="divide-y divide-slate-200" data-testid="sessions">
        {sessions.map((main) => (
          <li key={main.id} className="space-y-3 py-4">
            <SessionItem session={main} rootHost={appUrl().hostname} />
            {main.handed.length > 0 && (
              <ul className="ml-6 space-y-3 border-l border-slate-200 pl-4">
                {main.handed.map((handed) => (
                  <li key={handed.id}>
                    <SessionItem session={handed} rootHost={appUrl().hostname} />
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      {/* Always shown, so its result stays on screen after the list has shrunk to this device. */}
      <ActionForm action={signOutOtherSessionsAction} id="sign-out-others-form">
        <SubmitButton tone="danger">Sign out everywhere else</SubmitButton>
      </ActionForm>
    </main>
  );
}
