// Who may do what in a workspace: the one table. Actions and pages ask `can(role, permission)`;
// nothing else decides. Add a permission here first, then use it.
import type { Role } from '../generated/prisma/enums';

export const ROLES = ['owner', 'admin', 'member'] as const satisfies readonly Role[];

const EVERYONE: readonly Role[] = ['owner', 'admin', 'member'];
const ADMINS: readonly Role[] = ['owner', 'admin'];
const OWNERS: readonly Role[] = ['owner'];

export const PERMISSIONS = {
  'workspace.read': EVERYONE,
  'projects.create': EVERYONE,
  'members.read': EVERYONE,
  'members.invite': ADMINS,
  'members.changeRole': ADMINS,
  'members.remove': ADMINS,
  'invitations.revoke': ADMINS,
  'domains.manage': ADMINS,
  'auditLog.read': ADMINS,
  'billing.manage': OWNERS,
  // Granting, changing or removing the owner role.
  'owners.manage': OWNERS,
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return PERMISSIONS[permission].includes(role);
}
