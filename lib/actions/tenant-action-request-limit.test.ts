// A server action of a workspace over its plan's requests per minute (docs/decisions/022): proxy.ts
// counts the call but lets it through (it cannot answer with form state), and tenantAction answers
// with a form error a person understands, before the handler runs. Another workspace's members are
// unaffected. Real Redis and PostgreSQL, the real action and its wrappers.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createProjectAction } from '../../app/t/[tenant]/actions';
import { createTenant } from '../../tests/support/tenants';
import { type Member, signedInMember, submitAs, type Tenant } from '../../tests/support/workspace-members';
import { PLANS } from '../billing/plans';
import { tenantDb } from '../db/tenant-db';
import { defaultTenantRequestLimit } from '../rate-limit/tenant-request-limit';

vi.mock('next/headers', () => import('../../tests/support/next-request-stub'));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const FREE = PLANS.free.limits.requestsPerMinute;
let noisy: Tenant;
let quiet: Tenant;
let noisyMember: Member;
let quietMember: Member;

beforeAll(async () => {
  [noisy, quiet] = [await createTenant('noisy-actions'), await createTenant('quiet-actions')];
  [noisyMember, quietMember] = [await signedInMember(noisy, 'member'), await signedInMember(quiet, 'member')];
});

/** The requests proxy.ts counted for the workspace this minute, the action's own call included. */
async function counted(tenant: Tenant, count: number): Promise<void> {
  const limit = defaultTenantRequestLimit();
  for (let done = 0; done < count; done += 200) {
    await Promise.all(Array.from({ length: Math.min(200, count - done) }, () => limit.hit(tenant.id)));
  }
  await new Promise((resolve) => setTimeout(resolve, 1_100)); // past the one-second window: the minute's limit alone
}

const projectsNamed = (tenant: Tenant, name: string) => tenantDb(tenant.id).project.count({ where: { name } });

describe('a server action of a workspace over its request limit', () => {
  it('runs while the call is within the limit (the limit-th request)', async () => {
    await counted(noisy, FREE);
    expect(await submitAs(noisyMember, createProjectAction, { name: 'last-one-in' })).toMatchObject({ status: 'ok' });
    expect(await projectsNamed(noisy, 'last-one-in')).toBe(1);
  });

  it('is refused with a form error once over it, and changes nothing; another workspace is unaffected', async () => {
    await counted(noisy, 1);
    const refused = await submitAs(noisyMember, createProjectAction, { name: 'one-too-many' });
    expect(refused).toEqual({
      status: 'error',
      message: expect.stringMatching(/^This workspace is making too many requests; try again in \d+ seconds?\.$/),
      values: { name: 'one-too-many' }, // the form keeps what was typed, to send again
    });
    expect(await projectsNamed(noisy, 'one-too-many')).toBe(0);

    await counted(quiet, 1);
    expect(await submitAs(quietMember, createProjectAction, { name: 'quiet-one' })).toMatchObject({ status: 'ok' });
    expect(await projectsNamed(quiet, 'quiet-one')).toBe(1);
  });
});
