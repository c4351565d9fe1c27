// A user's TOTP secret at rest: sealed with the app's secret box, bound to the user, so a row
// copied onto another user does not decrypt.
import 'server-only';
import { decryptSecret, encryptSecret } from '../../sso/secret-box';

const binding = (userId: string) => `totp:${userId}`;

export function sealTotpSecret(secret: string, userId: string): string {
  return encryptSecret(secret, binding(userId));
}

export function openTotpSecret(sealed: string, userId: string): string {
  return decryptSecret(sealed, binding(userId));
}
