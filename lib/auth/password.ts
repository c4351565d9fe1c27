// Password hashing with argon2id (the `argon2` package: maintained, prebuilt binaries, OWASP's first
// choice). Parameters are the library's defaults (64 MiB, 3 passes), about 140 ms here.
import 'server-only';
import argon2 from 'argon2';

export const PASSWORD_MIN_LENGTH = 10;
// argon2 hashes any length; the cap keeps a megabyte "password" from costing us anything.
export const PASSWORD_MAX_LENGTH = 200;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false; // a malformed stored hash is a failed sign-in, not a 500
  }
}
