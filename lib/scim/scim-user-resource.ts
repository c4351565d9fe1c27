// A SCIM user as the IdP reads it back (RFC 7643 §4.1).
import 'server-only';

export const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';

export const SCIM_USER_FIELDS = {
  id: true,
  externalId: true,
  userName: true,
  active: true,
  createdAt: true,
  updatedAt: true,
  user: { select: { id: true, email: true, name: true } },
} as const;

export type ScimUserRow = {
  id: string;
  externalId: string | null;
  userName: string;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
  user: { id: string; email: string; name: string | null };
};

export function toScimUser(row: ScimUserRow, baseUrl: string) {
  return {
    schemas: [USER_SCHEMA],
    id: row.id,
    ...(row.externalId ? { externalId: row.externalId } : {}),
    userName: row.userName,
    ...(row.user.name ? { name: { formatted: row.user.name }, displayName: row.user.name } : {}),
    emails: [{ value: row.user.email, primary: true, type: 'work' }],
    active: row.active,
    meta: {
      resourceType: 'User',
      created: row.createdAt.toISOString(),
      lastModified: row.updatedAt.toISOString(),
      location: `${baseUrl}/Users/${row.id}`,
    },
  };
}
