// Who we are to an authenticator. The RP ID is the root domain: passkeys are made and used on the
// root site, where sign-in lives, and a passkey for myapp.com is also usable from any subdomain
// should sign-in ever move there. The origin a ceremony must come from is APP_URL's, never a
// request's Host. In development and the e2e hosts server that is http://localhost:PORT, which
// browsers treat as a secure context; any other plain-http origin cannot use WebAuthn at all.
import { env } from '../../env';
import { appUrl } from '../app-url';

export const RP_NAME = 'Tenantry';

export function relyingParty(): { id: string; name: string; origin: string } {
  return { id: env().ROOT_DOMAIN, name: RP_NAME, origin: appUrl().origin };
}

/** The WebAuthn user handle of a user: their id's bytes (no email or name, which may change). */
export function userHandleOf(userId: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(Buffer.from(userId, 'utf8'));
}

/** The same, as the browser returns it in an assertion (base64url). */
export function encodedUserHandleOf(userId: string): string {
  return Buffer.from(userId, 'utf8').toString('base64url');
}
