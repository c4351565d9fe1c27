// "Security activity" on the account page: the latest changes to how this person signs in
// (authenticator app, recovery codes, passkeys), newest first, from their own account log.
import { listAccountEvents } from '@/lib/accounts/list-account-events';

const WHEN = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

export async function SecurityActivity({ userId }: { userId: string }) {
  const events = await listAccountEvents(userId);
  return (
    <section>
      <h2 className="text-lg font-semibold">Security activity</h2>
      {events.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">No changes to how you sign in yet.</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-200 text-sm" data-testid="security-activity">
          {events.map((event) => (
            <li key={event.id} className="flex justify-between gap-4 py-2" data-testid="security-event">
              <span>{event.summary}</span>
              <time dateTime={event.createdAt.toISOString()} className="shrink-0 text-slate-500">
                {WHEN.format(event.createdAt)} UTC
              </time>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
