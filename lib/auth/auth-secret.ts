// The key that signs and encrypts session tokens. A fixed key is fine on a developer's machine and
// a hole anywhere else, so production refuses to start a request without AUTH_SECRET.
import { env } from '../env';

const DEVELOPMENT_SECRET = 'development-only-secret-never-use-in-production';

export function authSecret(): string {
  const { AUTH_SECRET, NODE_ENV } = env();
  if (AUTH_SECRET) return AUTH_SECRET;
  if (NODE_ENV === 'production') throw new Error('AUTH_SECRET is not set: it is required in production');
  return DEVELOPMENT_SECRET;
}
