// One-time tokens (handoffs, invitations, password resets): 256 random bits for the URL, and only
// their SHA-256 in the database, so a leaked table cannot be replayed.
import { createHash, randomBytes } from 'node:crypto';

export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
