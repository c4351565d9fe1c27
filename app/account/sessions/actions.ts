'use server';
// The sessions page's actions. accountAction has checked Origin, the root site and a live main
// session; the session id from the form is matched with that session's user (lib/auth/end-own-session.ts).
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { failure, success } from '@/lib/actions/action-state';
import { accountAction } from '@/lib/actions/root-actions';
import { endOwnSession } from '@/lib/auth/end-own-session';
import { endOtherSessionFamilies } from '@/lib/auth/session-store';

const SESSIONS_PAGE = '/account/sessions';

export const endSessionAction = accountAction(z.object({ sessionId: z.uuid() }), async ({ sessionId }, context) => {
  const result = await endOwnSession({ id: context.user.id, sessionId: context.sessionId }, sessionId);
  if (!result.ok) return failure(result.error);
  revalidatePath(SESSIONS_PAGE);
  return success('Session ended.');
});

export const signOutOtherSessionsAction = accountAction(z.object({}), async (_input, { user, sessionFamilyId }) => {
  const ended = await endOtherSessionFamilies(user.id, sessionFamilyId);
  revalidatePath(SESSIONS_PAGE);
  return success(ended === 1 ? 'Signed out of 1 other session.' : `Signed out of ${ended} other sessions.`);
});
