// GET /Groups (optionally `displayName eq "…"` or `externalId eq "…"`) and GET /Groups/{id}.
import 'server-only';
import type { TenantDb } from '../db/tenant-db';
import { isScimId } from './is-scim-id';
import { ScimFailure } from './scim-failure';
import type { ScimEquality } from './scim-filter';
import { SCIM_GROUP_FIELDS, type ScimGroupRow } from './scim-group-resource';
import { SCIM_GROUP_NOT_FOUND } from './write-scim-group';

export const GROUP_FILTER_ATTRIBUTES = ['displayName', 'externalId'] as const;

export async function listScimGroups(
  db: TenantDb,
  filter: ScimEquality | null,
  page: { startIndex: number; count: number },
): Promise<{ rows: ScimGroupRow[]; total: number }> {
  const where = filter ? { [filter.attribute]: filter.value } : {};
  const [rows, total] = await Promise.all([
    db.scimGroup.findMany({
      where,
      select: SCIM_GROUP_FIELDS,
      orderBy: { createdAt: 'asc' },
      skip: page.startIndex - 1,
      take: page.count,
    }),
    db.scimGroup.count({ where }),
  ]);
  return { rows, total };
}

export async function findScimGroupOrFail(db: TenantDb, id: string): Promise<ScimGroupRow> {
  const row = isScimId(id) ? await db.scimGroup.findFirst({ where: { id }, select: SCIM_GROUP_FIELDS }) : null;
  if (!row) throw new ScimFailure(404, SCIM_GROUP_NOT_FOUND, 'noTarget');
  return row;
}
