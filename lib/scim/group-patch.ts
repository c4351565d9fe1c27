// A SCIM PATCH of a Group, applied to its current state (pure): displayName/externalId, and
// members added (`add` path members), removed (`remove` path `members[value eq "id"]`, or path
// members with a value list) or replaced.
import { z } from 'zod';
import { ScimFailure } from './scim-failure';
import { ScimMemberReferences, type ScimPatchOperation } from './scim-input';

export type ScimGroupState = { displayName: string; externalId: string | null; memberIds: string[] };

const Attributes = z.object({
  displayName: z.string().trim().min(1).max(200).optional(),
  externalId: z.string().max(500).nullable().optional(),
  members: ScimMemberReferences.optional(),
});
const MEMBER_FILTER = /^members\[\s*value\s+eq\s+"([^"]+)"\s*\]$/i;

export function applyGroupPatch(current: ScimGroupState, operations: readonly ScimPatchOperation[]): ScimGroupState {
  let next = { ...current, memberIds: [...current.memberIds] };
  for (const { op, path, value } of operations) {
    const filtered = path ? MEMBER_FILTER.exec(path.trim()) : null;
    if (op === 'remove' && filtered?.[1]) {
      next.memberIds = next.memberIds.filter((id) => id !== filtered[1]);
      continue;
    }
    const key = path?.trim().toLowerCase();
    if (op === 'remove') {
      if (key === 'members') {
        // No value: every member goes.
        const listed = value === undefined ? undefined : parse({ members: value }).members;
        const removed = new Set(listed?.map((member) => member.value) ?? next.memberIds);
        next.memberIds = next.memberIds.filter((id) => !removed.has(id));
      } else if (key === 'externalid') next.externalId = null;
      continue;
    }
    const attributes = parse(key === undefined ? value : { [canonical(key)]: value ?? null });
    const members = (attributes.members ?? []).map((member) => member.value);
    if (attributes.members) {
      next.memberIds = op === 'add' ? [...new Set([...next.memberIds, ...members])] : [...new Set(members)];
    }
    next = {
      ...next,
      displayName: attributes.displayName ?? next.displayName,
      externalId: attributes.externalId === undefined ? next.externalId : attributes.externalId,
    };
  }
  return next;
}

function parse(value: unknown) {
  const parsed = Attributes.safeParse(value);
  if (!parsed.success) throw new ScimFailure(400, 'The patch has an invalid value.', 'invalidValue');
  return parsed.data;
}

function canonical(key: string): string {
  return { displayname: 'displayName', externalid: 'externalId', members: 'members' }[key] ?? key;
}
