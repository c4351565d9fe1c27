// A server action for a signed-in user: public checks first, then a live session on this host.
import 'server-only';
import type { z } from 'zod';
import { currentSession } from '../auth/current-session';
import { isCustomDomainSession, type LiveSession, type SessionUser } from '../auth/session-store';
import { env } from '../env';
import { type ActionState, failure } from './action-state';
import { type FormAction, type PublicContext, publicAction } from './public-action';

/** sessionFamilyId: the main session this request's session belongs to (itself, or its parent).
 *  onCustomDomain: the session was handed to a custom domain (see canOnHost). */
export type UserContext = PublicContext & {
  user: SessionUser;
  sessionId: string;
  sessionFamilyId: string;
  onCustomDomain: boolean;
  /** How the session was authenticated, and the workspace whose IdP opened it (two-factor policies). */
  session: Pick<LiveSession, 'amr' | 'ssoTenantId'>;
};

export const SIGNED_OUT_REFUSAL = 'You are signed out. Sign in again to continue.';

export function userAction<Schema extends z.ZodType>(
  schema: Schema,
  handler: (input: z.output<Schema>, context: UserContext) => Promise<ActionState>,
): FormAction {
  return publicAction(schema, async (input, context) => {
    const session = await currentSession();
    if (!session) return failure(SIGNED_OUT_REFUSAL);
    return handler(input, {
      ...context,
      user: session.user,
      sessionId: session.id,
      sessionFamilyId: session.parentId ?? session.id,
      onCustomDomain: isCustomDomainSession(session, env().ROOT_DOMAIN),
      session: { amr: session.amr, ssoTenantId: session.ssoTenantId },
    });
  });
}
