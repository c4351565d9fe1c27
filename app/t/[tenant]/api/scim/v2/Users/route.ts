// SCIM Users: list (with `userName eq "…"`) and create.
import { createScimUser } from '@/lib/scim/create-scim-user';
import { listScimUsers, USER_FILTER_ATTRIBUTES } from '@/lib/scim/list-scim-users';
import { readScimBody } from '@/lib/scim/read-scim-body';
import { parseScimFilter } from '@/lib/scim/scim-filter';
import { ScimUserInput } from '@/lib/scim/scim-input';
import { scimPage } from '@/lib/scim/scim-page';
import { scimJson, scimList } from '@/lib/scim/scim-response';
import { scimRoute } from '@/lib/scim/scim-route';
import { toScimUser } from '@/lib/scim/scim-user-resource';

type Params = { tenant: string };

export const GET = scimRoute<Params>(async ({ request, db, baseUrl }) => {
  const search = new URL(request.url).searchParams;
  const filter = parseScimFilter(search.get('filter'), USER_FILTER_ATTRIBUTES);
  const page = scimPage(search);
  const { rows, total } = await listScimUsers(db, filter, page);
  return scimList(
    rows.map((row) => toScimUser(row, baseUrl)),
    total,
    page.startIndex,
  );
});

export const POST = scimRoute<Params>(async ({ request, db, workspace, baseUrl }) => {
  const input = await readScimBody(request, ScimUserInput);
  return scimJson(toScimUser(await createScimUser(db, workspace.id, input), baseUrl), 201);
});
