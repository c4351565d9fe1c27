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
  'projects.export': EVERYONE,
  // Renaming and archiving projects; deleting one (its tasks with it) is for admins.
  'projects.edit': EVERYONE,
  'projects.delete': ADMINS,
  // Adding, editing, completing, reopening and moving tasks; deleting one is for admins.
  'tasks.create': EVERYONE,
  'tasks.edit': EVERYONE,
  'tasks.delete': ADMINS,
  'members.read': EVERYONE,
  'members.invite': ADMINS,
  'members.changeRole': ADMINS,
  'members.remove': ADMINS,
  // Whose address nobody has proven yet (their account may be someone else's squat): admins only.
  'members.readEmailProof': ADMINS,
  'invitations.revoke': ADMINS,
  'domains.manage': ADMINS,
  'auditLog.read': ADMINS,
  'scim.manage': ADMINS,
  // Workspace API keys (Settings → API keys): creating, listing and revoking them.
  'apiKeys.manage': ADMINS,
  'billing.manage': OWNERS,
  // An IdP connection can assert any member's identity, owners' included: only owners set one up.
  'sso.manage': OWNERS,
  // Granting, changing or removing the owner role.
  'owners.manage': OWNERS,
  // Whether members must sign in with a second factor.
  'security.manage': OWNERS,
  // Attaching files to tasks, and removing one's own attachments.
  'files.attach': EVERYONE,
  // Removing anyone's attachment.
  'files.manage': ADMINS,
  // The workspace's logo.
  'workspace.brand': ADMINS,
  // The workspace's name (its address, the slug, does not change).
  'workspace.rename': ADMINS,
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return PERMISSIONS[permission].includes(role);
}

/**
 * On a custom domain a session was handed over by a host the platform does not control end to end
 * (its DNS belongs to the customer), so there it carries a member's rights at most: administration
 * happens on the workspace's subdomain. A hijacked custom domain cannot then be used to phish an
 * owner's session into an owner's powers.
 */
export function canOnHost(role: Role, permission: Permission, onCustomDomain: boolean): boolean {
  return can(role, permission) && (!onCustomDomain || can('member', permission));
}
