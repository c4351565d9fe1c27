// A workspace's audit log, newest first, a page at a time. The cursor is the id of the last event
// of the previous page; an id from another workspace matches nothing here (RLS), so it yields an
// empty page rather than anyone else's history.
import 'server-only';
import type { TenantDb } from '../db/tenant-db';

export const AUDIT_PAGE_SIZE = 100;

export type AuditEventListing = {
  id: string;
  createdAt: Date;
  actorEmail: string | null;
  action: string;
  target: string | null;
};

export type AuditPage = { events: AuditEventListing[]; nextCursor: string | null };

/** `pageSize`: fewer than a page for a summary (the home page's recent activity). */
export async function listAuditEvents(
  db: TenantDb,
  options: { cursor?: string; pageSize?: number } = {},
): Promise<AuditPage> {
  const pageSize = Math.min(options.pageSize ?? AUDIT_PAGE_SIZE, AUDIT_PAGE_SIZE);
  const rows = await db.auditEvent.findMany({
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    // One more than a page: its presence says there is an older page.
    take: pageSize + 1,
    ...(options.cursor ? { cursor: { id: options.cursor }, skip: 1 } : {}),
    select: { id: true, createdAt: true, actorEmail: true, action: true, target: true },
  });
  const events = rows.slice(0, pageSize);
  const last = events.at(-1);
  return { events, nextCursor: rows.length > pageSize && last ? last.id : null };
}
