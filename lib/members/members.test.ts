// The owner rules and tenant isolation of member management, against PostgreSQL as app_user:
// a workspace never loses its last owner (not even to two owners demoting each other at once),
// only owners touch the owner role, and another workspace's membership id is simply not found.
import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTenant } from '../../tests/support/tenants';
import { listAuditEvents } from '../audit/list-audit-events';
import { authDb } from '../db/auth-db';
import { tenantDb } from '../db/tenant-db';
import type { Role } from '../generated/prisma/enums';
import { changeMemberRole } from './change-member-role';
import {
  LAST_OWNER_REFUSAL,
  MEMBER_NOT_FOUND,
  type MemberActor,
  OWNERS_ONLY_REFUSAL,
  ownerRuleRefusal,
} from './last-owner-guard';
import { listMembers } from './list-members';
import { removeMember } from './remove-member';

type Workspace = { id: string; slug: string };

async function addMember(workspace: Workspace, role: Role, label: string = role): Promise<MemberActor> {
  const email = `${label}-${randomUUID().slice(0, 8)}@acme.test`;
  const user = await authDb().user.create({ data: { email, name: label } });
  const membership = await tenantDb(workspace.id).membership.create({ data: { userId: user.id, role } });
  return { id: user.id, email, role, membershipId: membership.id };
}

async function roleOf(workspace: Workspace, member: MemberActor): Promise<Role | undefined> {
  const row = await tenantDb(workspace.id).membership.findUnique({ where: { id: member.membershipId } });
  return row?.role;
}

let ws: Workspace;
let owner: MemberActor;

beforeEach(async () => {
  ws = await createTenant('members');
  owner = await addMember(ws, 'owner');
});

describe('the last owner', () => {
  it('cannot be demoted, not even by themselves', async () => {
    const result = await changeMemberRole(tenantDb(ws.id), owner, { membershipId: owner.membershipId, role: 'admin' });
    expect(result).toEqual({ ok: false, error: LAST_OWNER_REFUSAL, field: 'role' });
    expect(await roleOf(ws, owner)).toBe('owner');
  });

  it('cannot be removed', async () => {
    const result = await removeMember(tenantDb(ws.id), ws.id, owner, { membershipId: owner.membershipId });
    expect(result).toEqual({ ok: false, error: LAST_OWNER_REFUSAL });
    expect(await roleOf(ws, owner)).toBe('owner');
  });

  it('can step down once another owner exists', async () => {
    const member = await addMember(ws, 'member');
    const db = tenantDb(ws.id);
    expect(await changeMemberRole(db, owner, { membershipId: member.membershipId, role: 'owner' })).toMatchObject({
      ok: true,
    });
    expect(await changeMemberRole(db, owner, { membershipId: owner.membershipId, role: 'member' })).toMatchObject({
      ok: true,
      changed: true,
    });
    expect(await roleOf(ws, owner)).toBe('member');
    expect(await roleOf(ws, member)).toBe('owner');
  });
});

describe('two owners at once', () => {
  // Run a few rounds: the transactions overlap or not depending on timing, and either way one wins.
  it.each([1, 2, 3, 4, 5])('demoting each other: exactly one succeeds, one owner remains (round %i)', async () => {
    const other = await addMember(ws, 'owner', 'co-owner');
    const db = tenantDb(ws.id);
    const results = await Promise.all([
      changeMemberRole(db, owner, { membershipId: other.membershipId, role: 'admin' }),
      changeMemberRole(db, other, { membershipId: owner.membershipId, role: 'admin' }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(await db.membership.count({ where: { role: 'owner' } })).toBe(1);
  });

  it('removing each other: exactly one succeeds, one owner remains', async () => {
    const other = await addMember(ws, 'owner', 'co-owner');
    const db = tenantDb(ws.id);
    const results = await Promise.all([
      removeMember(db, ws.id, owner, { membershipId: other.membershipId }),
      removeMember(db, ws.id, other, { membershipId: owner.membershipId }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(await db.membership.count({ where: { role: 'owner' } })).toBe(1);
  });
});

describe('only owners touch the owner role', () => {
  it('an admin cannot make a member an owner', async () => {
    const admin = await addMember(ws, 'admin');
    const member = await addMember(ws, 'member');
    const result = await changeMemberRole(tenantDb(ws.id), admin, { membershipId: member.membershipId, role: 'owner' });
    expect(result).toEqual({ ok: false, error: OWNERS_ONLY_REFUSAL, field: 'role' });
    expect(await roleOf(ws, member)).toBe('member');
  });

  it('an admin cannot make themselves an owner', async () => {
    const admin = await addMember(ws, 'admin');
    const result = await changeMemberRole(tenantDb(ws.id), admin, { membershipId: admin.membershipId, role: 'owner' });
    expect(result).toMatchObject({ ok: false, error: OWNERS_ONLY_REFUSAL });
    expect(await roleOf(ws, admin)).toBe('admin');
  });

  it('an admin cannot demote or remove an owner', async () => {
    await addMember(ws, 'owner', 'co-owner');
    const admin = await addMember(ws, 'admin');
    const db = tenantDb(ws.id);
    expect(await changeMemberRole(db, admin, { membershipId: owner.membershipId, role: 'member' })).toMatchObject({
      error: OWNERS_ONLY_REFUSAL,
    });
    expect(await removeMember(db, ws.id, admin, { membershipId: owner.membershipId })).toEqual({
      ok: false,
      error: OWNERS_ONLY_REFUSAL,
    });
    expect(await roleOf(ws, owner)).toBe('owner');
  });

  it('an admin may change and remove members and admins, with an audit line each', async () => {
    const admin = await addMember(ws, 'admin');
    const member = await addMember(ws, 'member');
    const db = tenantDb(ws.id);
    expect(await changeMemberRole(db, admin, { membershipId: member.membershipId, role: 'admin' })).toEqual({
      ok: true,
      email: member.email,
      role: 'admin',
      changed: true,
    });
    expect(await removeMember(db, ws.id, admin, { membershipId: member.membershipId })).toEqual({
      ok: true,
      email: member.email,
    });
    expect(await roleOf(ws, member)).toBeUndefined();
    const { events } = await listAuditEvents(db);
    expect(events.map((event) => [event.action, event.target, event.actorEmail])).toEqual([
      ['member.removed', member.email, admin.email],
      ['member.role_changed', member.email, admin.email],
    ]);
  });

  it("the actor's role is what the locked owner rows say, not what the request believed", () => {
    // Context said owner, but a concurrent demotion committed first: the owner rows no longer list them.
    const stale = { role: 'owner' as const, membershipId: 'm-actor' };
    expect(ownerRuleRefusal(['m-other'], stale, { id: 'm-target', role: 'member' }, 'owner')).toBe(OWNERS_ONLY_REFUSAL);
    expect(ownerRuleRefusal(['m-actor'], stale, { id: 'm-target', role: 'member' }, 'owner')).toBeNull();
  });
});

describe('another workspace', () => {
  it('its membership id is not found, and nothing changes', async () => {
    const other = await createTenant('members-other');
    const otherOwner = await addMember(other, 'owner');
    const otherMember = await addMember(other, 'member');
    const db = tenantDb(ws.id);
    expect(await changeMemberRole(db, owner, { membershipId: otherMember.membershipId, role: 'admin' })).toEqual({
      ok: false,
      error: MEMBER_NOT_FOUND,
      field: 'role',
    });
    expect(await removeMember(db, ws.id, owner, { membershipId: otherOwner.membershipId })).toEqual({
      ok: false,
      error: MEMBER_NOT_FOUND,
    });
    expect(await roleOf(other, otherMember)).toBe('member');
    expect(await roleOf(other, otherOwner)).toBe('owner');
    expect((await listAuditEvents(tenantDb(other.id))).events).toEqual([]);
    expect((await listAuditEvents(db)).events).toEqual([]);
  });

  it('its members are not listed', async () => {
    const other = await createTenant('members-other');
    await addMember(other, 'owner');
    const member = await addMember(ws, 'member');
    const listed = await listMembers(tenantDb(ws.id));
    expect(listed.map((m) => [m.email, m.role])).toEqual([
      [owner.email, 'owner'],
      [member.email, 'member'],
    ]);
    expect(listed[0]?.joinedAt).toBeInstanceOf(Date);
  });
});

describe('email proof', () => {
  it('says whose address nobody has proven yet', async () => {
    const member = await addMember(ws, 'member');
    await authDb().user.update({ where: { id: owner.id }, data: { emailVerified: new Date() } });
    const listed = await listMembers(tenantDb(ws.id));
    expect(listed.map((m) => [m.email, m.emailVerified])).toEqual([
      [owner.email, true],
      [member.email, false],
    ]);
  });
});
