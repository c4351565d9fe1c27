// The workspace's audit log, newest first, a hundred at a time. Admins and owners only.
import Link from 'next/link';
import { Suspense } from 'react';
import { z } from 'zod';
import { ListSkeleton } from '@/components/workspace/list-skeleton';
import { listAuditEvents } from '@/lib/audit/list-audit-events';
import { requireMember } from '@/lib/auth/require-member';
import type { TenantDb } from '@/lib/db/tenant-db';

const TIME = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' });
// A malformed cursor is ignored (first page), never an error.
const Cursor = z.uuid().optional().catch(undefined);

type Props = { params: Promise<{ tenant: string }>; searchParams: Promise<{ before?: string | string[] }> };

export default async function AuditLogPage({ params, searchParams }: Props) {
  const { workspace, db } = await requireMember((await params).tenant, {
    path: '/settings/audit-log',
    permission: 'auditLog.read',
  });
  const cursor = Cursor.parse((await searchParams).before);
  return (
    <main className="mx-auto max-w-5xl px-6 py-12">
      <h1 className="text-3xl font-bold">Audit log of {workspace.name}</h1>
      <Suspense key={cursor ?? 'newest'} fallback={<ListSkeleton label="Loading the audit log…" rows={8} />}>
        <AuditEvents db={db} cursor={cursor} />
      </Suspense>
    </main>
  );
}

/** The page of events, streamed in after the page's membership check. */
async function AuditEvents({ db, cursor }: { db: TenantDb; cursor: string | undefined }) {
  const { events, nextCursor } = await listAuditEvents(db, { cursor });
  return (
    <>
      {events.length === 0 ? (
        <p className="mt-8 text-slate-500">Nothing recorded yet.</p>
      ) : (
        <table className="mt-8 w-full text-left text-sm">
          <thead className="border-b border-slate-200 text-slate-500">
            <tr>
              <th className="py-2 font-medium">Time (UTC)</th>
              <th className="py-2 font-medium">Actor</th>
              <th className="py-2 font-medium">Action</th>
              <th className="py-2 font-medium">Target</th>
            </tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <tr
                key={event.id}
                data-testid="audit-row"
                data-action={event.action}
                className="border-b border-slate-100"
              >
                <td className="py-2 whitespace-nowrap">
                  <time dateTime={event.createdAt.toISOString()}>{TIME.format(event.createdAt)}</time>
                </td>
                <td className="py-2">{event.actorEmail ?? 'system'}</td>
                <td className="py-2 font-mono">{event.action}</td>
                <td className="py-2">{event.target ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav className="mt-6 flex gap-6 text-sm">
        {cursor && <Link href="/settings/audit-log">Newest</Link>}
        {nextCursor && <Link href={`/settings/audit-log?before=${nextCursor}`}>Older</Link>}
      </nav>
    </>
  );
}
