// A SCIM PATCH of a User, applied to its current state (pure). Both shapes the IdPs send:
// Okta `{op:'replace', value:{active:false}}`, Entra ID `{op:'Replace', path:'active', value:'False'}`.
// Attributes we do not keep (name, emails, …) are accepted and ignored, as SCIM allows.

import { z } from 'zod';
import { ScimFailure } from './scim-failure';
import { ScimBoolean, type ScimPatchOperation } from './scim-input';

export type ScimUserState = { userName: string; externalId: string | null; active: boolean };

const Attributes = z.object({
  active: ScimBoolean.optional(),
  userName: z.string().trim().min(1).max(320).optional(),
  externalId: z.string().max(500).nullable().optional(),
});

export function applyUserPatch(current: ScimUserState, operations: readonly ScimPatchOperation[]): ScimUserState {
  let next = { ...current };
  for (const operation of operations) {
    const value = operation.path ? { [attributeName(operation.path)]: operation.value ?? null } : operation.value;
    if (operation.op === 'remove') {
      if (operation.path && attributeName(operation.path) === 'externalId') next = { ...next, externalId: null };
      continue;
    }
    const parsed = Attributes.safeParse(value);
    if (!parsed.success) throw new ScimFailure(400, 'The patch has an invalid value.', 'invalidValue');
    const { active, userName, externalId } = parsed.data;
    next = {
      active: active ?? next.active,
      userName: userName?.toLowerCase() ?? next.userName,
      externalId: externalId === undefined ? next.externalId : externalId,
    };
  }
  return next;
}

// Paths are case-insensitive; the core schema's URN prefix may be spelled out.
function attributeName(path: string): string {
  const bare = path.replace(/^urn:ietf:params:scim:schemas:core:2\.0:User:/i, '');
  const known = ['active', 'userName', 'externalId'].find((name) => name.toLowerCase() === bare.toLowerCase());
  return known ?? bare;
}
