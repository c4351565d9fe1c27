// SCIM's half of "an IdP speaks only for its workspace's verified email domains" (the rule itself
// is lib/sso/speaks-for-address.ts): every address a SCIM user stores or links (the account's
// email, and the userName when it is an address) must be in one, when the user is created, when an
// update names new addresses, and when it is reactivated. Deactivation is never refused over an
// address. The refusal reads the same whether or not anyone has an account with the address.
import 'server-only';
import type { TenantTransaction } from '../db/tenant-db';
import { speaksForAddress } from '../sso/speaks-for-address';
import { ScimFailure } from './scim-failure';
import { emailAddress } from './scim-user-address';

type Addressed = { userName: string; email: string; active: boolean };

export const ADDRESS_MOVED =
  'The email address of a provisioned user cannot change here: deactivate this user and provision the new address.';

export async function assertScimSpeaksFor(tx: TenantTransaction, user: Omit<Addressed, 'active'>): Promise<void> {
  const userName = emailAddress(user.userName);
  for (const address of new Set([user.email, ...(userName ? [userName] : [])])) {
    if (await speaksForAddress(tx, address)) continue;
    throw new ScimFailure(
      400,
      `${address} is not in an email domain this workspace has verified, so its identity provider cannot provision it. ` +
        'Verify the domain under Settings → SSO & SCIM, then retry.',
      'invalidValue',
    );
  }
}

/** An update that leaves the user active may name only addresses this workspace speaks for, and
 *  never moves the SCIM user onto another account (users are global: not this workspace's to rename). */
export async function assertScimUpdate(tx: TenantTransaction, before: Addressed, wanted: Addressed): Promise<void> {
  if (!wanted.active) return;
  const moved = wanted.email !== before.email;
  if (!moved && wanted.userName === before.userName && before.active) return;
  await assertScimSpeaksFor(tx, wanted);
  if (moved) throw new ScimFailure(400, ADDRESS_MOVED, 'mutability');
}
