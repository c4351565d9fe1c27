// Called from next-auth's signIn callback once the first factor is proven (password, magic link,
// OAuth). A user with a second factor gets no session yet: a pending sign-in, its ticket in this
// browser's cookie, and the URL of the second step, to which next-auth sends the browser instead.
import 'server-only';
import { cookies } from 'next/headers';
import { authDb } from '../../db/auth-db';
import { appUrl } from '../app-url';
import { safeCallbackUrl } from '../safe-redirect';
import { type FirstFactor, startPendingSignIn } from './pending-sign-in';
import { pendingSignInCookieName, pendingSignInCookieOptions } from './pending-sign-in-cookie';
import { owesSecondFactor } from './second-factor';

export const SECOND_STEP_PATH = '/signin/second-factor';

/** The second step's URL when this user owes one; null when the first factor is enough. */
export async function secondStepFor(
  email: string,
  firstFactor: FirstFactor,
  requestedCallbackUrl: unknown,
): Promise<string | null> {
  const user = await authDb().user.findFirst({ where: { email }, select: { id: true } });
  return user ? secondStepForUser(user.id, firstFactor, requestedCallbackUrl) : null;
}

/** The same for a user already known by id (a passkey that did not verify its user). */
export async function secondStepForUser(
  userId: string,
  firstFactor: FirstFactor,
  requestedCallbackUrl: unknown,
): Promise<string | null> {
  const user = { id: userId };
  if (!(await owesSecondFactor(user.id, firstFactor))) return null;
  const jar = await cookies();
  // The credentials form posts its callbackUrl; magic links and OAuth left it in next-auth's cookie.
  const callbackUrl =
    typeof requestedCallbackUrl === 'string' ? requestedCallbackUrl : jar.get(callbackUrlCookieName())?.value;
  const token = await startPendingSignIn({ userId: user.id, firstFactor, callbackUrl: safeCallbackUrl(callbackUrl) });
  jar.set(pendingSignInCookieName(), token, pendingSignInCookieOptions());
  return new URL(SECOND_STEP_PATH, appUrl()).toString();
}

function callbackUrlCookieName(): string {
  return `${appUrl().protocol === 'https:' ? '__Secure-' : ''}next-auth.callback-url`;
}
