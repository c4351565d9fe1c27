// A person's live sessions for the sessions page: each main session (a browser signed in on the
// root site) with, under it, the hosts it was handed to (custom domains; in development every
// workspace subdomain). Only the signed-in user's own rows, newest activity first.
import 'server-only';
import { authDb } from '../db/auth-db';
import { describeDevice } from './describe-device';

export type SessionListing = {
  id: string;
  device: string;
  /** null: the main session, valid where the root domain's cookie reaches. */
  host: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  isCurrent: boolean;
};
export type MainSessionListing = SessionListing & { handed: SessionListing[] };

export async function listUserSessions(userId: string, currentSessionId: string): Promise<MainSessionListing[]> {
  const rows = await authDb().session.findMany({
    where: { userId, expires: { gt: new Date() } },
    orderBy: [{ lastSeenAt: 'desc' }, { id: 'asc' }],
    select: { id: true, parentId: true, host: true, userAgent: true, createdAt: true, lastSeenAt: true },
  });
  const listing = (row: (typeof rows)[number]): SessionListing => ({
    id: row.id,
    device: describeDevice(row.userAgent),
    host: row.host,
    createdAt: row.createdAt,
    lastSeenAt: row.lastSeenAt,
    isCurrent: row.id === currentSessionId,
  });
  const mains = rows.filter((row) => row.parentId === null);
  const listed = mains.map((main) => ({
    ...listing(main),
    handed: rows.filter((row) => row.parentId === main.id).map(listing),
  }));
  // This device first: it is the one people look for.
  return listed.sort((x, y) => Number(y.isCurrent) - Number(x.isCurrent));
}
