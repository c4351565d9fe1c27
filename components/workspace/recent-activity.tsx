// The home page's recent activity: the audit log's newest lines, for those who may read the log.
import Link from 'next/link';
import { listAuditEvents } from '@/lib/audit/list-audit-events';
import type { TenantDb } from '@/lib/db/tenant-db';

const WHEN = new Intl.DateTimeFormat('en', { dateStyle: 'short', timeStyle: 'short', timeZone: 'UTC' });

export async function RecentActivity({ db }: { db: TenantDb }) {
  const { events: recent } = await listAuditEvents(db, { pageSize: 5 });
  if (recent.length === 0) return <p className="mt-3 text-sm text-slate-500">Nothing recorded yet.</p>;
  return (
    <>
      <ul className="mt-3 space-y-2 text-sm" data-testid="recent-activity">
        {recent.map((event) => (
          <li key={event.id} className="flex justify-between gap-3">
            <span className="truncate">
              <span className="font-mono">{event.action}</span> {event.target ?? ''}{' '}
              <span className="text-slate-500">· {event.actorEmail ?? 'system'}</span>
            </span>
            <time dateTime={event.createdAt.toISOString()} className="whitespace-nowrap text-slate-500">
              {WHEN.format(event.createdAt)}
            </time>
          </li>
        ))}
      </ul>
      <Link href="/settings/audit-log" className="mt-3 inline-block text-sm underline">
        The whole audit log
      </Link>
    </>
  );
}
