// Renaming a workspace, through the real action and its wrappers on PostgreSQL as app_user: admins
// rename their own workspace (audited), members cannot, a bad name changes nothing; and in SQL, the
// app role can change only its own workspace's name: not another workspace's, not any slug.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { renameWorkspaceAction } from '../../app/t/[tenant]/settings/workspace/actions';
import { createTenant } from '../../tests/support/tenants';
import { signedInMember, submitAs, type Tenant } from '../../tests/support/workspace-members';
import { globalDb } from '../db/global-db';
import { tenantDb } from '../db/tenant-db';

vi.mock('next/headers', () => import('../../tests/support/next-request-stub'));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const nameOf = async (tenant: Tenant) =>
  (await globalDb().tenant.findFirst({ where: { id: tenant.id }, select: { name: true } }))?.name;

let workspace: Tenant;
let other: Tenant;
beforeAll(async () => {
  [workspace, other] = [await createTenant('rename'), await createTenant('rename-other')];
});

describe('renaming a workspace', () => {
  it('an admin renames it, with an audit line', async () => {
    const admin = await signedInMember(workspace, 'admin');
    const before = await nameOf(workspace);
    expect(await submitAs(admin, renameWorkspaceAction, { name: '  Rocket Skates Inc.  ' })).toMatchObject({
      status: 'ok',
      message: 'Renamed the workspace to Rocket Skates Inc..',
    });
    expect(await nameOf(workspace)).toBe('Rocket Skates Inc.');
    const [event] = await tenantDb(workspace.id).auditEvent.findMany({
      where: { action: 'workspace.renamed' },
      select: { actorEmail: true, details: true },
    });
    expect(event).toEqual({ actorEmail: admin.email, details: { from: before, to: 'Rocket Skates Inc.' } });
  });

  it('a member cannot, and a bad name comes back as a field error; nothing changes', async () => {
    const member = await signedInMember(workspace, 'member');
    const admin = await signedInMember(workspace, 'admin');
    const before = await nameOf(workspace);
    expect(await submitAs(member, renameWorkspaceAction, { name: 'Taken over' })).toMatchObject({ status: 'error' });
    const bad = await submitAs(admin, renameWorkspaceAction, { name: 'x' });
    expect(bad).toMatchObject({ status: 'error', fieldErrors: { name: expect.anything() } });
    expect(await nameOf(workspace)).toBe(before);
  });

  it('in SQL, the app role renames only its own workspace and changes no slug', async () => {
    const otherName = await nameOf(other);
    const renamedOther = await tenantDb(workspace.id)
      .$executeRaw`UPDATE tenants SET name = 'pwned' WHERE id = ${other.id}::uuid`;
    expect(renamedOther).toBe(0);
    expect(await nameOf(other)).toBe(otherName);
    await expect(
      tenantDb(workspace.id).$executeRaw`UPDATE tenants SET slug = 'acme' WHERE id = ${workspace.id}::uuid`,
    ).rejects.toThrow(/permission denied/);
  });
});
