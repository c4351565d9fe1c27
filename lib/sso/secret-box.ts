// Secrets we must be able to read back are stored encrypted: AES-256-GCM with a key from the
// environment and, as associated data, the owner of the secret (a workspace's OIDC client secret is
// bound to its tenant id, a user's TOTP secret to `totp:<user id>`). A database dump alone reveals
// nothing, and a ciphertext copied into another owner's row does not decrypt there.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { authSecret } from '../auth/auth-secret';
import { env } from '../env';

const VERSION = 'v1';
const IV_BYTES = 12;

function encryptionKey(): Buffer {
  const { SSO_ENCRYPTION_KEY, NODE_ENV } = env();
  if (SSO_ENCRYPTION_KEY) return Buffer.from(SSO_ENCRYPTION_KEY, 'base64');
  if (NODE_ENV === 'production') throw new Error('SSO_ENCRYPTION_KEY is not set: it is required in production');
  // Development only: a key of its own, derived so that it differs from the session secret.
  return Buffer.from(hkdfSync('sha256', authSecret(), 'tenantry', 'sso secrets', 32));
}

export function encryptSecret(plaintext: string, boundTo: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', encryptionKey(), iv);
  cipher.setAAD(Buffer.from(boundTo));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), ciphertext]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

/** Throws when the value was not sealed with this key for this owner (or was altered). */
export function decryptSecret(sealed: string, boundTo: string): string {
  const [version, iv, tag, ciphertext] = sealed.split('.');
  if (version !== VERSION || !iv || !tag || ciphertext === undefined) throw new Error('Unknown secret format');
  const decipher = createDecipheriv('aes-256-gcm', encryptionKey(), Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(boundTo));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
}
