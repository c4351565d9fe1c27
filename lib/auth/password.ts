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

let dummyHash: Promise<string> | undefined;

/** Spends the same time as a real check when there is no account or no password, so the answer's
 *  timing does not tell whether an email has an account. Always false. */
export async function verifyNothing(password: string): Promise<false> {
  dummyHash ??= hashPassword('no account has this password');
  await verifyPassword(await dummyHash, password);
  return false;
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false; // a malformed stored hash is a failed sign-in, not a 500
  }
}
