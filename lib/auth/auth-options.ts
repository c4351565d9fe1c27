// next-auth's configuration. Sign-in happens on the root site only (/api/auth/*); next-auth proves
// who the user is, and then the jwt callback opens a session row, whose id is all the cookie
// carries (lib/auth/session-store.ts). Everything after that is ours: which hosts the session may
// be used on, handoffs to custom domains, and signing out everywhere.
import 'server-only';
import type { Account, NextAuthOptions, Profile } from 'next-auth';
import { forgetUnprovenAccountOf } from '../accounts/forget-unproven-account';
import { limitAddressRequest } from '../rate-limit/address-request-limits';
import { refusalCode } from '../rate-limit/limit-refusal';
import { requestClientIp } from '../rate-limit/request-client-ip';
import type { OidcProfile, SsoSignInContext } from '../sso/oidc-sign-in-provider';
import { provisionSsoUser } from '../sso/provision-sso-user';
import type { SsoRefusalCode } from '../sso/sso-refusal';
import { ssoRouteForEmail } from '../sso/sso-route-for-email';
import { appUrl } from './app-url';
import { authAdapter } from './auth-adapter';
import { authSecret } from './auth-secret';
import { requestUserAgent } from './request-user-agent';
import { safeCallbackUrl } from './safe-redirect';
import type { FirstFactor } from './second-factor/pending-sign-in';
import { secondStepFor } from './second-factor/second-step-for';
import { SESSION_MAX_AGE_SECONDS, sessionCookieName, sessionCookieOptions } from './session-cookie';
import { createMainSession, endSessionFamily } from './session-store';
import { signInProviders } from './sign-in-providers';

/** `sso`: the one workspace OIDC provider this request is about (its path names sso-<slug>). */
export function authOptions(sso?: SsoSignInContext): NextAuthOptions {
  return {
    secret: authSecret(),
    adapter: authAdapter(),
    providers: sso ? [...signInProviders(), sso.provider] : signInProviders(),
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
    cookies: {
      sessionToken: { name: sessionCookieName(appUrl().hostname), options: sessionCookieOptions(appUrl().hostname) },
    },
    pages: { signIn: '/signin', error: '/signin', verifyRequest: '/signin/check-email' },
    callbacks: {
      async signIn({ user, account, profile, email, credentials }) {
        if (sso && account?.provider === sso.provider.id) return ssoSignIn(sso.tenantId, account, profile, user.email);
        // Where a workspace requires SSO of this address's domain, nothing else signs it in.
        if (user.email && (await ssoRouteForEmail(user.email))?.ssoRequired) {
          return refusalUrl('SsoRequired', user.email);
        }
        // Asked for a sign-in link (next-auth sends it only when this returns true): limited per address and network.
        if (account?.provider === 'email' && email?.verificationRequest && user.email) {
          const refusal = await limitAddressRequest('magic-link', user.email, await requestClientIp());
          if (refusal) return signInErrorUrl(refusalCode(refusal));
        }
        // The link proved the mailbox: whatever someone set up on this address before goes.
        if (account?.provider === 'email' && !email?.verificationRequest && user.email) {
          const address = user.email;
          await forgetUnprovenAccountOf(address);
        }
        // A user with a second factor gets no session yet: the second step opens it.
        if (user.email && !email?.verificationRequest) {
          const secondStep = await secondStepFor(user.email, firstFactorOf(account), credentials?.callbackUrl);
          if (secondStep) return secondStep;
        }
        return true;
      },
      async jwt({ token, user, account }) {
        if (user) {
          const viaWorkspaceIdp = sso && account?.provider === sso.provider.id ? sso.tenantId : null;
          token.sid = await createMainSession(user.id, viaWorkspaceIdp, await requestUserAgent(), [
            viaWorkspaceIdp ? 'sso' : firstFactorOf(account),
          ]);
        }
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

// A workspace's IdP vouched for someone: provision them into that workspace (just in time) and link
// the IdP's subject to our user, so that next-auth then finds the user by that account and opens
// the session (bound to this workspace, in the jwt callback). A refusal goes back to /signin.
async function ssoSignIn(
  tenantId: string,
  account: Account,
  profile: Profile | undefined,
  // next-auth's user: the one it found by this provider and subject (and will sign in), or the profile.
  nextAuthUserEmail: string | null | undefined,
): Promise<string | true> {
  const claims = (profile ?? {}) as OidcProfile;
  if (!claims.email) return refusalUrl('SsoEmailUnverified');
  if (claims.email_verified === false || claims.email_verified === 'false') return refusalUrl('SsoEmailUnverified');
  const provisioned = await provisionSsoUser(tenantId, {
    provider: account.provider,
    subject: account.providerAccountId,
    email: claims.email,
    name: claims.name ?? null,
  });
  if (!provisioned.ok) return refusalUrl(provisioned.code, claims.email);
  // Whoever next-auth is about to sign in must be the person just provisioned.
  return nextAuthUserEmail?.toLowerCase() === claims.email.toLowerCase() ? true : refusalUrl('SsoIdentityChanged');
}

function firstFactorOf(account: Account | null | undefined): FirstFactor {
  if (account?.provider === 'password') return 'pwd';
  return account?.provider === 'email' ? 'email' : 'oauth';
}

function refusalUrl(code: SsoRefusalCode, email?: string): string {
  return signInErrorUrl(code, email);
}

function signInErrorUrl(code: string, email?: string): string {
  const url = new URL('/signin', appUrl());
  url.searchParams.set('error', code);
  if (email) url.searchParams.set('email', email);
  return url.toString();
}
