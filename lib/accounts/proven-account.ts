// The account of an address an IdP vouches for (SCIM provisioning): created proven, or adopted. Adopting an unproven account first forgets what its
// holder set up (lib/accounts/forget-unproven-account.ts), all in one auth_user transaction that
// locks the row, so a sign-up or a password set at the same moment cannot slip in between.
import 'server-only';
import { authDb } from '../db/auth-db';
import { isUniqueViolation } from '../db/unique-violation';
import { forgetUnprovenAccount } from './forget-unproven-account';

/** `created`: no account had this address; undo it with deleteNewAccount if what needed it fails. */
export async function provenAccountFor(email: string, name: string | null): Promise<ProvenAccount> {
  try {
    return await adoptOrCreate(email.toLowerCase(), name);
  } catch (error) {
    // A sign-up committed the same address between our look-up and our insert: adopt that one.
    if (isUniqueViolation(error)) return adoptOrCreate(email.toLowerCase(), name);
    throw error;
  }
}

type ProvenAccount = { id: string; created: boolean };

function adoptOrCreate(address: string, name: string | null): Promise<ProvenAccount> {
  return authDb().$transaction(async (tx) => {
    const [existing] = await tx.$queryRaw<{ id: string }[]>`
      SELECT id::text AS id FROM users WHERE email = ${address} FOR UPDATE`;
    if (existing) {
      await forgetUnprovenAccount(tx, address);
      return { id: existing.id, created: false };
    }
    const user = await tx.user.create({
      data: { email: address, name, emailVerified: new Date() },
      select: { id: true },
    });
    return { id: user.id, created: true };
  });
}
