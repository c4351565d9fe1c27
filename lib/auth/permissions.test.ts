// The permission table: what each role may do. A change here changes who can do what everywhere.
import { describe, expect, it } from 'vitest';
import { can, PERMISSIONS, type Permission } from './permissions';

describe('permissions', () => {
  it('members read and create projects; admins manage members, domains and the audit log; owners also billing and owners', () => {
    const allowed = (role: 'owner' | 'admin' | 'member') =>
      (Object.keys(PERMISSIONS) as Permission[]).filter((permission) => can(role, permission));
    expect(allowed('member')).toEqual(['workspace.read', 'projects.create', 'members.read']);
    expect(allowed('admin')).toEqual([
      'workspace.read',
      'projects.create',
      'members.read',
      'members.invite',
      'members.changeRole',
      'members.remove',
      'invitations.revoke',
      'domains.manage',
      'auditLog.read',
    ]);
    expect(allowed('owner')).toEqual(Object.keys(PERMISSIONS));
  });
});
