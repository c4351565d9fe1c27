// POST /Users: the IdP names someone of this workspace's verified email domains (any other address
// is refused before anything is read); the global user with that address is linked (or created),
// and becomes a member if active. The IdP vouches for the address, so whatever an unproven holder
// of it set up goes. A duplicate userName, or a user the IdP already provisioned here, is a 409; a
// full workspace a 403 naming the limit. All or nothing.
import 'server-only';
import { deleteNewAccount } from '../accounts/delete-new-account';
import { provenAccountFor } from '../accounts/proven-account';
import type { TenantDb } from '../db/tenant-db';
import { isUniqueViolation } from '../db/unique-violation';
import { forgetWorkspaceCounts } from '../workspaces/workspace-counts';
import { assertScimSpeaksFor } from './assert-scim-speaks-for';
import { recordScimAuditEvent } from './record-scim-audit-event';
import { ScimFailure } from './scim-failure';
import type { ScimUserInput } from './scim-input';
import { scimDisplayName, scimUserAddress } from './scim-user-address';
import { SCIM_USER_FIELDS, type ScimUserRow } from './scim-user-resource';
import { syncMembership } from './sync-membership';

export const USER_NAME_TAKEN = 'A user with this userName already exists in this workspace.';

export async function createScimUser(db: TenantDb, tenantId: string, input: ScimUserInput): Promise<ScimUserRow> {
  const email = scimUserAddress(input);
  const userName = input.userName.toLowerCase();
  const displayName = scimDisplayName(input);
  // The IdP must speak for the address before anything is read or written of its account.
  await db.$transaction(async (tx) => {
    await assertScimSpeaksFor(tx, { userName, email });
    if (await tx.scimUser.findFirst({ where: { userName }, select: { id: true } })) {
      throw new ScimFailure(409, USER_NAME_TAKEN, 'uniqueness');
    }
  });
  // It does: the account is created proven, or adopted with what an unproven holder set up
  // forgotten, in one auth_user transaction (the only role that writes accounts).
  const user = await provenAccountFor(email, displayName);
  try {
    const { scimUser, membership } = await db.$transaction(async (tx) => {
      await assertScimSpeaksFor(tx, { userName, email });
      if (await tx.scimUser.findFirst({ where: { userName }, select: { id: true } })) {
        throw new ScimFailure(409, USER_NAME_TAKEN, 'uniqueness');
      }
      const scimUser = await tx.scimUser.create({
        data: {
          userId: user.id,
          userName,
          displayName,
          externalId: input.externalId ?? null,
          active: input.active ?? true,
        },
        select: SCIM_USER_FIELDS,
      });
      const membership = await syncMembership(tx, tenantId, { ...scimUser, userId: user.id, email });
      await recordScimAuditEvent(tx, {
        action: 'scim.user.created',
        target: email,
        details: { scimUserId: scimUser.id, active: scimUser.active, membership },
      });
      return { scimUser, membership };
    });
    if (membership === 'added') await forgetWorkspaceCounts(tenantId);
    return scimUser;
  } catch (error) {
    // A refusal (the seat limit, a race on the userName) keeps nothing: not even the new account.
    if (user.created) await deleteNewAccount(user.id);
    if (isUniqueViolation(error)) throw new ScimFailure(409, USER_NAME_TAKEN, 'uniqueness');
    throw error;
  }
}
