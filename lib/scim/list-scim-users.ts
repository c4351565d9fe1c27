// GET /Users: one page, optionally filtered by `userName eq "…"` or `externalId eq "…"` (how Okta and
// Entra ID look a user up before creating it).
import 'server-only';
import type { TenantDb } from '../db/tenant-db';
import type { ScimEquality } from './scim-filter';
import { SCIM_USER_FIELDS, type ScimUserRow } from './scim-user-resource';

export const USER_FILTER_ATTRIBUTES = ['userName', 'externalId'] as const;

export async function listScimUsers(
  db: TenantDb,
  filter: ScimEquality | null,
  page: { startIndex: number; count: number },
): Promise<{ rows: ScimUserRow[]; total: number }> {
  const where =
    filter?.attribute === 'userName'
      ? { userName: filter.value.toLowerCase() }
      : filter?.attribute === 'externalId'
        ? { externalId: filter.value }
        : {};
  const [rows, total] = await Promise.all([
    db.scimUser.findMany({
      where,
      select: SCIM_USER_FIELDS,
      orderBy: { createdAt: 'asc' },
      skip: page.startIndex - 1,
      take: page.count,
    }),
    db.scimUser.count({ where }),
  ]);
  return { rows, total };
}
