// One session on the sessions page: its device, where it is valid, when it started and was last
// used, and an "End" button (not for the session in use: that is "Sign out").
import { endSessionAction } from '@/app/account/sessions/actions';
import { ActionForm } from '@/components/forms/action-form';
import { SubmitButton } from '@/components/forms/submit-button';
import type { SessionListing } from '@/lib/auth/list-user-sessions';

const WHEN = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

export function SessionItem({ session, rootHost }: { session: SessionListing; rootHost: string }) {
  return (
    <div className="flex items-start justify-between gap-4" data-testid="session" data-session-id={session.id}>
      <div>
        <p className="font-medium">
          {session.device}
          {session.isCurrent && (
            <span
              className="ml-2 rounded bg-emerald-100 px-2 py-0.5 text-xs text-emerald-800"
              data-testid="this-device"
            >
              This device
            </span>
          )}
        </p>
        <p className="text-sm text-slate-600" data-testid="session-host">
          {session.host === null ? `Signed in on ${rootHost}` : `Handed to ${session.host}`}
        </p>
        <p className="text-xs text-slate-500">
          Signed in <time dateTime={session.createdAt.toISOString()}>{WHEN.format(session.createdAt)}</time> UTC · last
          seen <time dateTime={session.lastSeenAt.toISOString()}>{WHEN.format(session.lastSeenAt)}</time> UTC
        </p>
      </div>
      {!session.isCurrent && (
        <ActionForm action={endSessionAction} id={`end-session-${session.id}`} className="shrink-0">
          <input type="hidden" name="sessionId" value={session.id} />
          <SubmitButton tone="danger">End</SubmitButton>
        </ActionForm>
      )}
    </div>
  );
}
