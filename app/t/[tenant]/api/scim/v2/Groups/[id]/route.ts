// One SCIM group: read, replace (PUT), patch (members added, removed, replaced) and delete. Every
// change re-derives the roles of the members it touched.
import { applyGroupPatch } from '@/lib/scim/group-patch';
import { findScimGroupOrFail } from '@/lib/scim/list-scim-groups';
import { readScimBody } from '@/lib/scim/read-scim-body';
import { toScimGroup } from '@/lib/scim/scim-group-resource';
import { ScimGroupInput, ScimPatchInput } from '@/lib/scim/scim-input';
import { scimJson } from '@/lib/scim/scim-response';
import { scimRoute } from '@/lib/scim/scim-route';
import { deleteScimGroup, updateScimGroup } from '@/lib/scim/write-scim-group';

type Params = { tenant: string; id: string };

export const GET = scimRoute<Params>(async ({ db, params, baseUrl }) =>
  scimJson(toScimGroup(await findScimGroupOrFail(db, params.id), baseUrl)),
);

export const PUT = scimRoute<Params>(async ({ request, db, workspace, params, baseUrl }) => {
  const input = await readScimBody(request, ScimGroupInput);
  const group = await updateScimGroup(db, workspace.id, params.id, (current) => ({
    displayName: input.displayName,
    externalId: input.externalId === undefined ? current.externalId : input.externalId,
    memberIds: [...new Set((input.members ?? []).map((member) => member.value))],
  }));
  return scimJson(toScimGroup(group, baseUrl));
});

export const PATCH = scimRoute<Params>(async ({ request, db, workspace, params, baseUrl }) => {
  const { Operations } = await readScimBody(request, ScimPatchInput);
  const group = await updateScimGroup(db, workspace.id, params.id, (current) => applyGroupPatch(current, Operations));
  return scimJson(toScimGroup(group, baseUrl));
});

export const DELETE = scimRoute<Params>(async ({ db, workspace, params }) => {
  await deleteScimGroup(db, workspace.id, params.id);
  return new Response(null, { status: 204 });
});
