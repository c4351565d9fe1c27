// Ending a session from the sessions page. The id comes from a form, so it is only ever matched
// together with the signed-in user's id: another person's session, handed or not, is "not found",
// the same answer as an id that does not exist. Ending a main session ends every host it was handed
// to (ON DELETE CASCADE on parent_id).
import 'server-only';
import { authDb } from '../db/auth-db';

export type EndSessionResult = { ok: true } | { ok: false; error: string };

export const SESSION_NOT_FOUND = 'Session not found.';
export const CURRENT_SESSION_REFUSAL = 'This is the session you are using. To end it, sign out.';

export async function endOwnSession(
  user: { id: string; sessionId: string },
  sessionId: string,
): Promise<EndSessionResult> {
  if (sessionId === user.sessionId) return { ok: false, error: CURRENT_SESSION_REFUSAL };
  const { count } = await authDb().session.deleteMany({ where: { id: sessionId, userId: user.id } });
  return count === 1 ? { ok: true } : { ok: false, error: SESSION_NOT_FOUND };
}
