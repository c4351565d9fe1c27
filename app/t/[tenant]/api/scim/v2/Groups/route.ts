// SCIM Groups: list (with `displayName eq "…"`) and create.
import { GROUP_FILTER_ATTRIBUTES, listScimGroups } from '@/lib/scim/list-scim-groups';
import { readScimBody } from '@/lib/scim/read-scim-body';
import { parseScimFilter } from '@/lib/scim/scim-filter';
import { toScimGroup } from '@/lib/scim/scim-group-resource';
import { ScimGroupInput } from '@/lib/scim/scim-input';
import { scimPage } from '@/lib/scim/scim-page';
import { scimJson, scimList } from '@/lib/scim/scim-response';
import { scimRoute } from '@/lib/scim/scim-route';
import { createScimGroup } from '@/lib/scim/write-scim-group';

type Params = { tenant: string };

export const GET = scimRoute<Params>(async ({ request, db, baseUrl }) => {
  const search = new URL(request.url).searchParams;
  const filter = parseScimFilter(search.get('filter'), GROUP_FILTER_ATTRIBUTES);
  const page = scimPage(search);
  const { rows, total } = await listScimGroups(db, filter, page);
  return scimList(
    rows.map((row) => toScimGroup(row, baseUrl)),
    total,
    page.startIndex,
  );
});

export const POST = scimRoute<Params>(async ({ request, db, workspace, baseUrl }) => {
  const input = await readScimBody(request, ScimGroupInput);
  const group = await createScimGroup(db, workspace.id, {
    displayName: input.displayName,
    externalId: input.externalId ?? null,
    memberIds: [...new Set((input.members ?? []).map((member) => member.value))],
  });
  return scimJson(toScimGroup(group, baseUrl), 201);
});
