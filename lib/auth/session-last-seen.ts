// "Last seen" on the sessions page, kept cheaply: every request already reads its session row
// (findLiveSession), and only when that row's last_seen_at is older than LAST_SEEN_INTERVAL_MS does
// it write a new one. So a busy session costs one UPDATE per five minutes, not one per request, and
// the page is at most five minutes behind. The WHERE repeats the check, so concurrent requests of
// one session write once.
import 'server-only';
import { authDb } from '../db/auth-db';

export const LAST_SEEN_INTERVAL_MS = 5 * 60 * 1000;

export function lastSeenIsStale(lastSeenAt: Date, now: Date = new Date()): boolean {
  return now.getTime() - lastSeenAt.getTime() >= LAST_SEEN_INTERVAL_MS;
}

export async function recordSessionSeen(session: { id: string; lastSeenAt: Date }): Promise<void> {
  const now = new Date();
  if (!lastSeenIsStale(session.lastSeenAt, now)) return;
  await authDb().session.updateMany({
    where: { id: session.id, lastSeenAt: { lte: new Date(now.getTime() - LAST_SEEN_INTERVAL_MS) } },
    data: { lastSeenAt: now },
  });
}
