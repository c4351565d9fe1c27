// A SCIM user as the IdP reads it back (RFC 7643 §4.1): only what this workspace's IdP sent and
// what we link it to. The global account's own name is never selected: the account may be older
// than this workspace's SCIM record and was not this workspace's to read.
import 'server-only';

export const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';

export const SCIM_USER_FIELDS = {
  id: true,
  externalId: true,
  userName: true,
  displayName: true,
  active: true,
  createdAt: true,
  updatedAt: true,
  user: { select: { id: true, email: true } },
} as const;

export type ScimUserRow = {
  id: string;
  externalId: string | null;
  userName: string;
  displayName: string | null;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
  user: { id: string; email: string };
};

export function toScimUser(row: ScimUserRow, baseUrl: string) {
  return {
    schemas: [USER_SCHEMA],
    id: row.id,
    ...(row.externalId ? { externalId: row.externalId } : {}),
    userName: row.userName,
    ...(row.displayName ? { name: { formatted: row.displayName }, displayName: row.displayName } : {}),
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
