// The role SCIM gives a member: the highest role mapped to any of their groups, 'member' when none
// is. Never 'owner': owners are granted by owners, not by an identity provider.
import type { Role } from '../generated/prisma/enums';

export type ScimRole = Exclude<Role, 'owner'>;

export function roleFromGroups(mappedRoles: readonly (Role | null)[]): ScimRole {
  return mappedRoles.includes('admin') ? 'admin' : 'member';
}
