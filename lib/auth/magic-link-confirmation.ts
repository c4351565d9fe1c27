// A magic link does not sign in by itself being opened: it opens a page on our root site that says
// which address is signing in, and the user continues from there. Otherwise an attacker could send
// a victim a link minted for the attacker's own address and silently sign them in to the attacker's
// account (login CSRF: next-auth 4's email callback is a GET).
import { appUrl } from './app-url';

const CALLBACK_PATH = '/api/auth/callback/email';

/** The link the email carries, wrapping next-auth's callback URL. */
export function magicLinkConfirmationUrl(callbackUrl: string): string {
  const confirm = new URL('/signin/confirm', appUrl());
  confirm.searchParams.set('link', callbackUrl);
  return confirm.toString();
}

/** next-auth's callback URL and the address it signs in, if `link` is exactly one of ours. */
export function confirmableMagicLink(link: string | undefined): { url: string; email: string } | null {
  if (!link) return null;
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return null;
  }
  const email = url.searchParams.get('email');
  if (url.origin !== appUrl().origin || url.pathname !== CALLBACK_PATH || !email || !url.searchParams.get('token')) {
    return null;
  }
  return { url: url.toString(), email };
}
