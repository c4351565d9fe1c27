// A workspace that requires two-factor authentication, enforced where membership is checked on
// every request: a server action POSTed directly by a member whose session has no second factor is
// refused by tenantAction itself, not only redirected by a page. An owner cannot lock themselves out.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createProjectAction } from '../../../app/t/[tenant]/actions';
import { updateTwoFactorPolicyAction } from '../../../app/t/[tenant]/settings/security/actions';
import { createTenant } from '../../../tests/support/tenants';
import { type Member, signedInMember, submitAs, type Tenant } from '../../../tests/support/workspace-members';
import { TWO_FACTOR_REFUSAL } from '../../actions/tenant-action';
import { authDb } from '../../db/auth-db';
import { tenantDb } from '../../db/tenant-db';
import { meetsTwoFactorPolicy } from './two-factor-policy';

vi.mock('next/headers', () => import('../../../tests/support/next-request-stub'));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

let acme: Tenant;
let owner: Member;

const setAmr = (member: Member, amr: string[], ssoTenantId: string | null = null) =>
  authDb().session.updateMany({ where: { userId: member.id }, data: { amr, ssoTenantId } });
const projectsNamed = (name: string) => tenantDb(acme.id).project.count({ where: { name } });

beforeAll(async () => {
  acme = await createTenant('acme');
  owner = await signedInMember(acme, 'owner');
});

describe('turning the policy on', () => {
  it('is refused to an owner whose own session has no second factor (no lock-out)', async () => {
    await setAmr(owner, ['pwd']);
    const result = await submitAs(owner, updateTwoFactorPolicyAction, { required: 'yes', ssoSatisfies: 'yes' });
    expect(result).toMatchObject({ status: 'error', message: expect.stringMatching(/yourself first/) });
    expect(await tenantDb(acme.id).twoFactorPolicy.count()).toBe(0);
  });

  it('works for an owner signed in with a second factor, and is audited', async () => {
    await setAmr(owner, ['pwd', 'otp']);
    expect(await submitAs(owner, updateTwoFactorPolicyAction, { required: 'yes', ssoSatisfies: 'yes' })).toMatchObject({
      status: 'ok',
    });
    expect(await tenantDb(acme.id).auditEvent.findMany({ where: { action: 'two_factor.policy_changed' } })).toEqual([
      expect.objectContaining({ actorId: owner.id, details: { required: true, ssoSatisfies: true } }),
    ]);
  });

  it('is refused to an admin (owners only)', async () => {
    const admin = await signedInMember(acme, 'admin');
    await setAmr(admin, ['pwd', 'otp']);
    expect(await submitAs(admin, updateTwoFactorPolicyAction, { required: 'no', ssoSatisfies: 'yes' })).toMatchObject({
      status: 'error',
    });
  });
});

describe('a workspace that requires a second factor', () => {
  it('refuses a direct server-action POST from a member signed in with a password only', async () => {
    const member = await signedInMember(acme, 'member');
    await setAmr(member, ['pwd']);
    expect(await submitAs(member, createProjectAction, { name: 'no-2fa' })).toMatchObject({
      status: 'error',
      message: TWO_FACTOR_REFUSAL,
    });
    expect(await projectsNamed('no-2fa')).toBe(0);
  });

  it('lets a member signed in with a second factor through', async () => {
    const member = await signedInMember(acme, 'member');
    await setAmr(member, ['pwd', 'otp']);
    expect(await submitAs(member, createProjectAction, { name: 'with-2fa' })).toMatchObject({ status: 'ok' });
  });

  it("counts a sign-in through the workspace's own IdP, unless the owner says otherwise", async () => {
    expect(
      meetsTwoFactorPolicy({ required: true, ssoSatisfies: true }, { amr: ['sso'], ssoTenantId: acme.id }, acme.id),
    ).toBe(true);
    expect(
      meetsTwoFactorPolicy({ required: true, ssoSatisfies: false }, { amr: ['sso'], ssoTenantId: acme.id }, acme.id),
    ).toBe(false);
    // Another workspace's IdP proves nothing here.
    expect(
      meetsTwoFactorPolicy({ required: true, ssoSatisfies: true }, { amr: ['sso'], ssoTenantId: owner.id }, acme.id),
    ).toBe(false);
    const member = await signedInMember(acme, 'member');
    await setAmr(member, ['sso'], acme.id);
    expect(await submitAs(member, createProjectAction, { name: 'via-sso' })).toMatchObject({ status: 'ok' });
  });
});
