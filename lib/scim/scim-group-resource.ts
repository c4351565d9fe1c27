// A SCIM group as the IdP reads it back (RFC 7643 §4.2). The mapped role is ours, not SCIM's, and
// is not shown to the IdP.
import 'server-only';

export const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';

export const SCIM_GROUP_FIELDS = {
  id: true,
  displayName: true,
  externalId: true,
  createdAt: true,
  updatedAt: true,
  members: { select: { scimUser: { select: { id: true, userName: true } } } },
} as const;

export type ScimGroupRow = {
  id: string;
  displayName: string;
  externalId: string | null;
  createdAt: Date;
  updatedAt: Date;
  members: { scimUser: { id: string; userName: string } }[];
};

export function toScimGroup(row: ScimGroupRow, baseUrl: string) {
  return {
    schemas: [GROUP_SCHEMA],
    id: row.id,
    ...(row.externalId ? { externalId: row.externalId } : {}),
    displayName: row.displayName,
    members: row.members.map(({ scimUser }) => ({
      value: scimUser.id,
      display: scimUser.userName,
      $ref: `${baseUrl}/Users/${scimUser.id}`,
    })),
    meta: {
      resourceType: 'Group',
      created: row.createdAt.toISOString(),
      lastModified: row.updatedAt.toISOString(),
      location: `${baseUrl}/Groups/${row.id}`,
    },
  };
}
