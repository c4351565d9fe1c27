// POST /Users: links the global user with that email (or creates one, unverified) to the workspace,
// and makes them a member if active. A duplicate userName, or a user the IdP already provisioned
// here, is a 409; a full workspace a 403 naming the limit. All or nothing.
import 'server-only';
import { z } from 'zod';
import type { TenantDb } from '../db/tenant-db';
import { isUniqueViolation } from '../db/unique-violation';
import { recordScimAuditEvent } from './record-scim-audit-event';
import { ScimFailure } from './scim-failure';
import type { ScimUserInput } from './scim-input';
import { SCIM_USER_FIELDS, type ScimUserRow } from './scim-user-resource';
import { syncMembership } from './sync-membership';

const EmailAddress = z.email().max(320);

export const USER_NAME_TAKEN = 'A user with this userName already exists in this workspace.';

export async function createScimUser(db: TenantDb, tenantId: string, input: ScimUserInput): Promise<ScimUserRow> {
  const email = emailOf(input);
  const userName = input.userName.toLowerCase();
  try {
    return await db.$transaction(async (tx) => {
      if (await tx.scimUser.findFirst({ where: { userName }, select: { id: true } })) {
        throw new ScimFailure(409, USER_NAME_TAKEN, 'uniqueness');
      }
      // users is global (no RLS): written in this transaction so a refusal leaves no stray account.
      const user = await tx.user.upsert({
        where: { email },
        create: { email, name: nameOf(input) },
        update: {},
        select: { id: true },
      });
      const scimUser = await tx.scimUser.create({
        data: { userId: user.id, userName, externalId: input.externalId ?? null, active: input.active ?? true },
        select: SCIM_USER_FIELDS,
      });
      const membership = await syncMembership(tx, tenantId, { ...scimUser, userId: user.id, email });
      await recordScimAuditEvent(tx, {
        action: 'scim.user.created',
        target: email,
        details: { scimUserId: scimUser.id, active: scimUser.active, membership },
      });
      return scimUser;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ScimFailure(409, USER_NAME_TAKEN, 'uniqueness');
    throw error;
  }
}

/** The primary email, else the first, else the userName: it must be an email address. */
function emailOf(input: ScimUserInput): string {
  const listed = input.emails?.find((email) => email.primary) ?? input.emails?.[0];
  const parsed = EmailAddress.safeParse((listed?.value ?? input.userName).trim().toLowerCase());
  if (!parsed.success)
    throw new ScimFailure(400, 'The user needs an email address (userName or emails).', 'invalidValue');
  return parsed.data;
}

function nameOf(input: ScimUserInput): string | null {
  const parts = [input.name?.givenName, input.name?.familyName].filter(Boolean).join(' ');
  return input.name?.formatted || input.displayName || parts || null;
}
