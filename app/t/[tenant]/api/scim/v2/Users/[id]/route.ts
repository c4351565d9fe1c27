// One SCIM user: read, replace (PUT), patch, and DELETE, which deactivates (membership removed,
// this workspace's sessions ended) and keeps the resource for the IdP.
import { readScimBody } from '@/lib/scim/read-scim-body';
import { ScimPatchInput, ScimUserInput } from '@/lib/scim/scim-input';
import { scimJson } from '@/lib/scim/scim-response';
import { scimRoute } from '@/lib/scim/scim-route';
import { scimDisplayName, scimUserAddress } from '@/lib/scim/scim-user-address';
import { toScimUser } from '@/lib/scim/scim-user-resource';
import { findScimUserOrFail, updateScimUser } from '@/lib/scim/update-scim-user';
import { applyUserPatch } from '@/lib/scim/user-patch';

type Params = { tenant: string; id: string };

export const GET = scimRoute<Params>(async ({ db, params, baseUrl }) =>
  scimJson(toScimUser(await findScimUserOrFail(db, params.id), baseUrl)),
);

export const PUT = scimRoute<Params>(async ({ request, db, workspace, params, baseUrl }) => {
  const input = await readScimBody(request, ScimUserInput);
  const row = await updateScimUser(db, workspace, params.id, (current) => ({
    userName: input.userName.toLowerCase(),
    externalId: input.externalId === undefined ? current.externalId : input.externalId,
    active: input.active ?? true,
    email: scimUserAddress(input),
    displayName: scimDisplayName(input),
  }));
  return scimJson(toScimUser(row, baseUrl));
});

export const PATCH = scimRoute<Params>(async ({ request, db, workspace, params, baseUrl }) => {
  const { Operations } = await readScimBody(request, ScimPatchInput);
  const row = await updateScimUser(db, workspace, params.id, (current) => applyUserPatch(current, Operations));
  return scimJson(toScimUser(row, baseUrl));
});

export const DELETE = scimRoute<Params>(async ({ db, workspace, params }) => {
  await updateScimUser(db, workspace, params.id, (current) => ({ ...current, active: false }));
  return new Response(null, { status: 204 });
});
