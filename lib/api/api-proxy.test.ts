// proxy.ts over real HTTP lets /v1/… through untouched on every host (no rewrite to /t/…) and does
// not spend the workspace's budget on it: the API's frame counts the request against the key's
// workspace instead, and checks the host itself (api-routes.test.ts).
import { afterAll, describe, expect, it } from 'vitest';
import { serveProxy } from '../../tests/support/proxy-server';
import { createTenant } from '../../tests/support/tenants';
import { signedInMember } from '../../tests/support/workspace-members';
import { defaultTenantRequestLimit } from '../rate-limit/tenant-request-limit';

const proxy = await serveProxy();
afterAll(() => proxy.stop());

describe('proxy.ts and the v1 API', () => {
  it('passes /v1/ through on workspace hosts and api.<root>, without counting it', async () => {
    const tenant = await createTenant('proxied');
    // Signed in as a member, as a browser would be: a request the proxy counted would spend the workspace's budget.
    const asMember = { headers: { cookie: `tenantry.session=${(await signedInMember(tenant, 'member')).token}` } };
    for (const host of [`${tenant.slug}.localhost:3000`, 'api.localhost:3000']) {
      const answer = await proxy.send(host, '/v1/projects?limit=5', asMember);
      expect(answer.status, host).toBe(200);
      expect(answer.headers['x-middleware-rewrite'], host).toBeUndefined();
      expect(answer.headers['x-middleware-next'], host).toBe('1');
    }
    const { quota } = await defaultTenantRequestLimit().hitWithQuota(tenant.id);
    expect(quota.remaining).toBe(quota.limit - 1);
    // A page is still the proxy's to count and rewrite.
    const page = await proxy.send(`${tenant.slug}.localhost:3000`, '/v1', asMember);
    expect(page.headers['x-middleware-rewrite']).toContain(`/t/${tenant.slug}/v1`);
    expect((await defaultTenantRequestLimit().hitWithQuota(tenant.id)).quota.remaining).toBe(quota.limit - 3);
  });
});
