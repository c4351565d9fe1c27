// An API key's secret: `tny_live_<256 random bits, base64url>`. The fixed prefix lets secret
// scanners (GitHub's, gitleaks) recognise a leaked key; the list shows its first characters so
// admins can tell keys apart. Only the SHA-256 of the whole secret is stored (random-token.ts).
import { randomToken } from '../auth/random-token';

export const API_KEY_PREFIX = 'tny_live_';
const SECRET = /^tny_live_[A-Za-z0-9_-]{43}$/;
const SHOWN_CHARACTERS = 6;

export function newApiKeySecret(): string {
  return `${API_KEY_PREFIX}${randomToken()}`;
}

/** What lists show of a key: the scanner prefix and a few characters of its random part. */
export function shownPrefix(secret: string): string {
  return secret.slice(0, API_KEY_PREFIX.length + SHOWN_CHARACTERS);
}

/** Whether the text can be a key at all: anything else is refused before the database is asked. */
export function isApiKeySecret(text: string): boolean {
  return SECRET.test(text);
}
