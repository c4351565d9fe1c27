// A SCIM PATCH of a User, applied to its current state (pure). Both shapes the IdPs send:
// Okta `{op:'replace', value:{active:false}}`, Entra ID `{op:'Replace', path:'active', value:'False'}`
// and `{op:'Replace', path:'emails[type eq "work"].value', value:'…'}`. The email is only read here;
// whether it may change is the caller's rule. Attributes we do not keep (name.givenName alone, phone
// numbers, …) are accepted and ignored, as SCIM allows.
import { z } from 'zod';
import { ScimFailure } from './scim-failure';
import { ScimBoolean, ScimEmails, ScimName, type ScimPatchOperation } from './scim-input';
import { scimDisplayName, scimUserAddress } from './scim-user-address';

export type ScimUserState = {
  userName: string;
  externalId: string | null;
  active: boolean;
  email: string;
  displayName: string | null;
};

const Attributes = z.object({
  active: ScimBoolean.optional(),
  userName: z.string().trim().min(1).max(320).optional(),
  externalId: z.string().max(500).nullable().optional(),
  displayName: z.string().max(500).nullable().optional(),
  name: ScimName.nullable().optional(),
  emails: ScimEmails.min(1).optional(),
});

const CORE_PREFIX = /^urn:ietf:params:scim:schemas:core:2\.0:User:/i;
const EMAIL_VALUE = /^emails\[[^\]]*\]\.value$/i;
const KNOWN = ['active', 'userName', 'externalId', 'displayName', 'name', 'emails'];

export function applyUserPatch(current: ScimUserState, operations: readonly ScimPatchOperation[]): ScimUserState {
  let next = { ...current };
  for (const operation of operations) {
    if (operation.op === 'remove') {
      if (operation.path && 'externalId' in attributeValue(operation.path, null)) next.externalId = null;
      continue;
    }
    const value = operation.path ? attributeValue(operation.path, operation.value ?? null) : operation.value;
    const parsed = Attributes.safeParse(value);
    if (!parsed.success) throw new ScimFailure(400, 'The patch has an invalid value.', 'invalidValue');
    const { active, userName, externalId, displayName, name, emails } = parsed.data;
    const named = displayName !== undefined || name !== undefined;
    next = {
      active: active ?? next.active,
      userName: userName?.toLowerCase() ?? next.userName,
      externalId: externalId === undefined ? next.externalId : externalId,
      email: emails ? scimUserAddress({ userName: next.userName, emails }) : next.email,
      displayName: named
        ? scimDisplayName({ displayName: displayName ?? undefined, name: name ?? undefined })
        : next.displayName,
    };
  }
  return next;
}

// Paths are case-insensitive; the core schema's URN prefix may be spelled out.
function attributeValue(path: string, value: unknown): Record<string, unknown> {
  const bare = path.trim().replace(CORE_PREFIX, '');
  if (EMAIL_VALUE.test(bare)) return { emails: [{ value, primary: true }] };
  if (bare.toLowerCase() === 'name.formatted') return { name: { formatted: value } };
  const known = KNOWN.find((name) => name.toLowerCase() === bare.toLowerCase());
  return { [known ?? bare]: value };
}
