// The permission table: what each role may do. A change here changes who can do what everywhere.
import { describe, expect, it } from 'vitest';
import { can, canOnHost, PERMISSIONS, type Permission } from './permissions';

describe('permissions', () => {
  it('members read, create, edit and export projects, create and edit tasks and attach files; admins also delete projects and tasks, manage members, domains, the audit log, files and the logo; owners also billing and owners', () => {
    const allowed = (role: 'owner' | 'admin' | 'member') =>
      (Object.keys(PERMISSIONS) as Permission[]).filter((permission) => can(role, permission));
    expect(allowed('member')).toEqual([
      'workspace.read',
      'projects.create',
      'projects.export',
      'projects.edit',
      'tasks.create',
      'tasks.edit',
      'members.read',
      'files.attach',
    ]);
    expect(allowed('admin')).toEqual([
      'workspace.read',
      'projects.create',
      'projects.export',
      'projects.edit',
      'projects.delete',
      'tasks.create',
      'tasks.edit',
      'tasks.delete',
      'members.read',
      'members.invite',
      'members.changeRole',
      'members.remove',
      'members.readEmailProof',
      'invitations.revoke',
      'domains.manage',
      'auditLog.read',
      'scim.manage',
      'apiKeys.manage',
      'files.attach',
      'files.manage',
      'workspace.brand',
      'workspace.rename',
    ]);
    expect(allowed('owner')).toEqual(Object.keys(PERMISSIONS));
  });

  it("on a custom domain an owner's session carries a member's rights only", () => {
    expect(canOnHost('owner', 'projects.create', true)).toBe(true);
    expect(canOnHost('owner', 'members.invite', true)).toBe(false);
    expect(canOnHost('owner', 'tasks.delete', true)).toBe(false);
    expect(canOnHost('owner', 'tasks.edit', true)).toBe(true);
    expect(canOnHost('owner', 'billing.manage', true)).toBe(false);
    expect(canOnHost('owner', 'billing.manage', false)).toBe(true);
  });
});
