// next-auth's configuration. Sign-in happens on the root site only (/api/auth/*); next-auth proves
// who the user is, and then the jwt callback opens a session row, whose id is all the cookie
// carries (lib/auth/session-store.ts). Everything after that is ours: which hosts the session may
// be used on, handoffs to custom domains, and signing out everywhere.
import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import { globalDb } from '../db/global-db';
import { appUrl } from './app-url';
import { authAdapter } from './auth-adapter';
import { authSecret } from './auth-secret';
import { safeCallbackUrl } from './safe-redirect';
import { SESSION_MAX_AGE_SECONDS, sessionCookieName, sessionCookieOptions } from './session-cookie';
import { createMainSession, endSessionFamily } from './session-store';
import { signInProviders } from './sign-in-providers';

export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    adapter: authAdapter(),
    providers: signInProviders(),
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
    cookies: {
      sessionToken: { name: sessionCookieName(appUrl().hostname), options: sessionCookieOptions(appUrl().hostname) },
    },
    pages: { signIn: '/signin', error: '/signin', verifyRequest: '/signin/check-email' },
    callbacks: {
      async signIn({ user, account, email }) {
        if (account?.provider === 'email' && !email?.verificationRequest && user.email) {
          await forgetUnprovenPassword(user.email);
        }
        return true;
      },
      async jwt({ token, user }) {
        if (user) token.sid = await createMainSession(user.id);
        return token;
      },
      redirect: ({ url }) => safeCallbackUrl(url),
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === 'string') await endSessionFamily(token.sid);
      },
    },
  };
}

// Someone may have signed up with this address and a password before its owner ever used it. When
// the owner proves the mailbox, everything that someone set up goes: the password, every session
// and every linked sign-in. (This runs before the owner's own session is opened.)
async function forgetUnprovenPassword(email: string): Promise<void> {
  const unproven = await globalDb().user.findFirst({
    where: { email: email.toLowerCase(), emailVerified: null, passwordHash: { not: null } },
    select: { id: true },
  });
  if (!unproven) return;
  await globalDb().$transaction(async (tx) => {
    await tx.user.update({ where: { id: unproven.id }, data: { passwordHash: null } });
    await tx.session.deleteMany({ where: { userId: unproven.id } });
    await tx.account.deleteMany({ where: { userId: unproven.id } });
  });
}
