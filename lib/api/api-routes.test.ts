// The v1 API through its real route handlers, the real key lookup, the real rate limiter and a
// real database: the attacks across workspaces first, then bad input, pagination, idempotency and
// the resources themselves.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import * as membersRoute from '../../app/v1/members/route';
import * as projectRoute from '../../app/v1/projects/[id]/route';
import * as projectTasksRoute from '../../app/v1/projects/[id]/tasks/route';
import * as projectsRoute from '../../app/v1/projects/route';
import * as taskRoute from '../../app/v1/tasks/[id]/route';
import * as workspaceRoute from '../../app/v1/workspace/route';
import { ALL_SCOPES, apiKeyCreator, apiKeyFor, callApi } from '../../tests/support/api-client';
import { eventually } from '../../tests/support/eventually';
import { createTenant } from '../../tests/support/tenants';
import { revokeApiKey } from '../api-keys/revoke-api-key';
import { PLANS } from '../billing/plans';
import { authDb, authDbFor } from '../db/auth-db';
import { tenantDb } from '../db/tenant-db';
import { env } from '../env';
import { clientIpFrom } from '../rate-limit/client-ip';
import { defaultTenantRequestLimit } from '../rate-limit/tenant-request-limit';
import { windowCounter } from '../rate-limit/window-counter';
import { KEY_SHARE } from './api-key-request-limit';
import { REFUSED_KEYS_PER_MINUTE } from './limit-refused-key';
import { MAX_BODY_BYTES } from './read-json-body';

type Tenant = { id: string; slug: string; key: string; host: string };
let acme: Tenant;
let globex: Tenant;
let globexProjectId: string;
let globexTaskId: string;

async function workspace(label: string): Promise<Tenant> {
  const tenant = await createTenant(label, { plan: 'pro' });
  const { secret } = await apiKeyFor(tenant.id, ALL_SCOPES);
  return { ...tenant, key: secret, host: `${tenant.slug}.localhost:3000` };
}

beforeAll(async () => {
  acme = await workspace('acme');
  globex = await workspace('globex');
  const project = await tenantDb(globex.id).project.create({ data: { name: 'Globex secret plans' } });
  globexProjectId = project.id;
  globexTaskId = (await tenantDb(globex.id).task.create({ data: { projectId: project.id, title: 'secret task' } })).id;
});

const as = (tenant: Tenant, extra: { host?: string; key?: string | null } = {}) => ({
  key: extra.key === undefined ? tenant.key : extra.key,
  host: extra.host ?? tenant.host,
});

describe('a key decides the workspace, and only its own', () => {
  it("refuses acme's key on globex's host (403) and answers it on acme's host and on api.<root>", async () => {
    const refused = await callApi(projectsRoute.GET, 'GET', as(acme, { host: globex.host }));
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    expect(refused.json).toMatchObject({
      status: 403,
      code: 'wrong_workspace',
      type: 'urn:tenantry:problem:wrong_workspace',
    });
    expect(refused.text).not.toContain(globex.id);
    expect(refused.text).not.toContain('Globex');

    const own = await callApi(workspaceRoute.GET, 'GET', as(acme));
    expect(own.json).toMatchObject({ id: acme.id, slug: acme.slug });
    const onApiHost = await callApi(workspaceRoute.GET, 'GET', as(acme, { host: 'api.localhost:3000' }));
    expect(onApiHost.json).toMatchObject({ id: acme.id });
    const onGlobexApi = await callApi(workspaceRoute.GET, 'GET', as(globex, { host: 'api.localhost:3000' }));
    expect(onGlobexApi.json).toMatchObject({ id: globex.id });
  });

  it("accepts only acme's key on acme's verified custom domain", async () => {
    const customHost = `api-${randomUUID().slice(0, 8)}.example`;
    const claim = await tenantDb(acme.id).domain.create({ data: { hostname: customHost, verificationToken: 't' } });
    await authDbFor(acme.id).$queryRaw`SELECT * FROM record_domain_check(${claim.id}::uuid, 'verified', NULL)`;
    expect((await callApi(workspaceRoute.GET, 'GET', as(acme, { host: customHost }))).json).toMatchObject({
      id: acme.id,
    });
    const refused = await callApi(workspaceRoute.GET, 'GET', as(globex, { host: customHost }));
    expect(refused.status).toBe(403);
    expect(refused.json).toMatchObject({ code: 'wrong_workspace' });
  });

  it('has no API on the marketing site, other reserved names or unknown workspaces (404)', async () => {
    for (const host of [
      'localhost:3000',
      'www.localhost',
      'admin.localhost',
      `nobody-${randomUUID().slice(0, 6)}.localhost`,
    ]) {
      const answer = await callApi(workspaceRoute.GET, 'GET', as(acme, { host }));
      expect(answer.status, host).toBe(404);
      expect(answer.json).toMatchObject({ code: 'not_found' });
    }
  });

  it("answers 404 for globex's project and task ids with acme's key, and changes nothing of globex", async () => {
    const params = { id: globexProjectId };
    const read = await callApi(projectRoute.GET, 'GET', { ...as(acme), params });
    expect(read.status).toBe(404);
    expect(read.text).not.toContain('Globex');
    expect((await callApi(projectRoute.PATCH, 'PATCH', { ...as(acme), params, body: { name: 'pwned' } })).status).toBe(
      404,
    );
    expect((await callApi(projectRoute.DELETE, 'DELETE', { ...as(acme), params })).status).toBe(404);
    expect((await callApi(projectTasksRoute.GET, 'GET', { ...as(acme), params })).status).toBe(404);
    expect(
      (await callApi(projectTasksRoute.POST, 'POST', { ...as(acme), params, body: { title: 'planted' } })).status,
    ).toBe(404);
    const task = { id: globexTaskId };
    expect((await callApi(taskRoute.GET, 'GET', { ...as(acme), params: task })).status).toBe(404);
    expect(
      (await callApi(taskRoute.PATCH, 'PATCH', { ...as(acme), params: task, body: { status: 'done' } })).status,
    ).toBe(404);
    expect((await callApi(taskRoute.DELETE, 'DELETE', { ...as(acme), params: task })).status).toBe(404);

    const project = await tenantDb(globex.id).project.findFirstOrThrow({
      where: { id: globexProjectId },
      include: { tasks: true },
    });
    expect(project.name).toBe('Globex secret plans');
    expect(project.tasks).toMatchObject([{ title: 'secret task', status: 'todo' }]);
    expect(await tenantDb(acme.id).task.count({ where: { title: 'planted' } })).toBe(0);
  });

  it("refuses globex's ids in the body (unknown fields, 422) and writes nothing", async () => {
    const own = await tenantDb(acme.id).project.create({ data: { name: `own-${randomUUID()}` } });
    const planted = await callApi(projectTasksRoute.POST, 'POST', {
      ...as(acme),
      params: { id: own.id },
      body: { title: 'planted', project_id: globexProjectId, tenant_id: globex.id },
    });
    expect(planted.status).toBe(422);
    expect(planted.json?.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'project_id' }),
        expect.objectContaining({ field: 'tenant_id' }),
      ]),
    );
    expect(await tenantDb(acme.id).task.count({ where: { projectId: own.id } })).toBe(0);
    expect(await tenantDb(globex.id).task.count({ where: { projectId: globexProjectId } })).toBe(1);
  });

  it("refuses globex's member as an assignee (422 on assignee_id): the database proves membership", async () => {
    const own = await tenantDb(acme.id).project.create({ data: { name: `assign-${randomUUID()}` } });
    const outsider = await authDb().user.create({ data: { email: `globex-${randomUUID()}@globex.test` } });
    const elsewhere = await createTenant('assign-elsewhere');
    await tenantDb(elsewhere.id).membership.create({ data: { userId: outsider.id, role: 'member' } });
    const assigned = await callApi(projectTasksRoute.POST, 'POST', {
      ...as(acme),
      params: { id: own.id },
      body: { title: 'for an outsider', assignee_id: outsider.id },
    });
    expect(assigned.status).toBe(422);
    expect(assigned.json?.errors).toEqual([expect.objectContaining({ field: 'assignee_id' })]);
    expect(await tenantDb(acme.id).task.count({ where: { projectId: own.id } })).toBe(0);
  });

  it('refuses a revoked key on the very next request', async () => {
    const { id, secret } = await apiKeyFor(acme.id, ['projects:read']);
    expect((await callApi(projectsRoute.GET, 'GET', as(acme, { key: secret }))).status).toBe(200);
    const admin = await authDb().user.create({ data: { email: `admin-${randomUUID()}@acme.test` } });
    await revokeApiKey(tenantDb(acme.id), admin, id);
    const refused = await callApi(projectsRoute.GET, 'GET', as(acme, { key: secret }));
    expect(refused.status).toBe(401);
    expect(refused.json).toMatchObject({ code: 'api_key_revoked' });
    expect(refused.headers.get('www-authenticate')).toContain('Bearer');
  });

  it('refuses an expired key, an unknown key and a missing one (401)', async () => {
    const { secret } = await apiKeyFor(acme.id, ['projects:read'], new Date(Date.now() - 1_000));
    expect((await callApi(projectsRoute.GET, 'GET', as(acme, { key: secret }))).json).toMatchObject({
      status: 401,
      code: 'api_key_expired',
    });
    const unknown = `tny_live_${'A'.repeat(43)}`;
    expect((await callApi(projectsRoute.GET, 'GET', as(acme, { key: unknown }))).json).toMatchObject({
      code: 'unauthenticated',
    });
    expect((await callApi(projectsRoute.GET, 'GET', as(acme, { key: null }))).status).toBe(401);
  });

  it('holds a key to its scopes: projects:read cannot create, and nothing is created', async () => {
    const { secret } = await apiKeyFor(acme.id, ['projects:read']);
    const before = await tenantDb(acme.id).project.count();
    const refused = await callApi(projectsRoute.POST, 'POST', { ...as(acme, { key: secret }), body: { name: 'nope' } });
    expect(refused.status).toBe(403);
    expect(refused.json).toMatchObject({ code: 'insufficient_scope' });
    expect(await tenantDb(acme.id).project.count()).toBe(before);
    expect((await callApi(membersRoute.GET, 'GET', as(acme, { key: secret }))).status).toBe(403);
    expect((await callApi(projectsRoute.GET, 'GET', as(acme, { key: secret }))).status).toBe(200);
  });
});

describe('bad input is refused with a problem, and nothing changes', () => {
  it.each([
    ['malformed JSON', '{"name": ', 400, 'malformed_json'],
    ['an unknown field', { name: 'x', tenantId: 'globex' }, 422, 'validation_failed'],
    ['a wrong type', { name: 42 }, 422, 'validation_failed'],
    ['an empty name', { name: '   ' }, 422, 'validation_failed'],
    ['an oversized body', { name: 'x'.repeat(MAX_BODY_BYTES) }, 413, 'body_too_large'],
  ])('%s', async (_, body, status, code) => {
    const before = await tenantDb(acme.id).project.count();
    const answer = await callApi(projectsRoute.POST, 'POST', { ...as(acme), body });
    expect(answer.status).toBe(status);
    expect(answer.json).toMatchObject({ status, code });
    expect(await tenantDb(acme.id).project.count()).toBe(before);
  });

  it('names the bad fields', async () => {
    const answer = await callApi(projectsRoute.POST, 'POST', { ...as(acme), body: { name: 42, owner: 'me' } });
    expect(answer.json?.errors).toEqual(
      expect.arrayContaining([
        { field: 'name', message: expect.any(String) },
        { field: 'owner', message: 'Unknown field.' },
      ]),
    );
  });

  it('refuses a body that is not application/json (415)', async () => {
    const answer = await callApi(projectsRoute.POST, 'POST', {
      ...as(acme),
      body: 'name=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(answer.status).toBe(415);
  });

  it.each(['0', '101', '-1', 'abc', '1e2', '2.5'])('refuses limit=%s (400)', async (limit) => {
    const answer = await callApi(projectsRoute.GET, 'GET', { ...as(acme), path: `/v1/projects?limit=${limit}` });
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ code: 'invalid_query', errors: [{ field: 'limit' }] });
  });

  it('refuses a cursor it did not give out, and unknown query parameters (400)', async () => {
    expect(
      (await callApi(projectsRoute.GET, 'GET', { ...as(acme), path: '/v1/projects?cursor=bm9wZQ' })).json,
    ).toMatchObject({
      code: 'invalid_query',
      errors: [{ field: 'cursor' }],
    });
    expect((await callApi(projectsRoute.GET, 'GET', { ...as(acme), path: '/v1/projects?tenant=globex' })).status).toBe(
      400,
    );
  });

  it('answers 404 for an id that is not one', async () => {
    expect((await callApi(projectRoute.GET, 'GET', { ...as(acme), params: { id: "1' OR 1=1" } })).status).toBe(404);
  });
});

describe('lists', () => {
  it('walk every item once with cursors, newest first', async () => {
    const tenant = await workspace('paged');
    for (const name of ['a', 'b', 'c', 'd', 'e']) {
      await callApi(projectsRoute.POST, 'POST', { ...as(tenant), body: { name } });
    }
    const seen: string[] = [];
    let path = '/v1/projects?limit=2';
    for (let page = 0; page < 5; page++) {
      const answer = await callApi(projectsRoute.GET, 'GET', { ...as(tenant), path });
      const json = answer.json as { data: { name: string }[]; next_cursor: string | null };
      seen.push(...json.data.map((project) => project.name));
      if (!json.next_cursor) break;
      path = `/v1/projects?limit=2&cursor=${json.next_cursor}`;
    }
    expect(seen).toEqual(['e', 'd', 'c', 'b', 'a']);
  });
});

describe('Idempotency-Key', () => {
  it('the same POST twice makes one project and answers the same; another body with the key is 422', async () => {
    const key = randomUUID();
    const call = { ...as(acme), body: { name: `once-${key}` }, headers: { 'idempotency-key': key } };
    const first = await callApi(projectsRoute.POST, 'POST', call);
    const second = await callApi(projectsRoute.POST, 'POST', call);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.text).toBe(first.text);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(await tenantDb(acme.id).project.count({ where: { name: `once-${key}` } })).toBe(1);

    const other = await callApi(projectsRoute.POST, 'POST', { ...call, body: { name: 'something else' } });
    expect(other.status).toBe(422);
    expect(other.json).toMatchObject({ code: 'idempotency_key_reused' });
    expect(await tenantDb(acme.id).project.count({ where: { name: 'something else' } })).toBe(0);
  });

  it('is per workspace: globex using the same key value runs its own request', async () => {
    const key = randomUUID();
    await callApi(projectsRoute.POST, 'POST', {
      ...as(acme),
      body: { name: `k-${key}` },
      headers: { 'idempotency-key': key },
    });
    const theirs = await callApi(projectsRoute.POST, 'POST', {
      ...as(globex),
      body: { name: `k-${key}` },
      headers: { 'idempotency-key': key },
    });
    expect(theirs.status).toBe(201);
    expect(theirs.text).not.toContain(acme.id);
    expect(await tenantDb(globex.id).project.count({ where: { name: `k-${key}` } })).toBe(1);
  });

  it('concurrent retries create once', async () => {
    const key = randomUUID();
    const call = { ...as(acme), body: { name: `race-${key}` }, headers: { 'idempotency-key': key } };
    const answers = await Promise.all(Array.from({ length: 5 }, () => callApi(projectsRoute.POST, 'POST', call)));
    expect(answers.every((answer) => [201, 409].includes(answer.status))).toBe(true);
    expect(await tenantDb(acme.id).project.count({ where: { name: `race-${key}` } })).toBe(1);
  });
});

describe('the plan rate limit', () => {
  it("counts API requests against the key's workspace, with RateLimit headers, and refuses past it (429)", async () => {
    const tenant = await workspace('limited');
    const first = await callApi(workspaceRoute.GET, 'GET', as(tenant));
    const allowance = PLANS.pro.limits.requestsPerMinute;
    expect(first.headers.get('ratelimit-limit')).toBe(String(allowance));
    expect(first.headers.get('ratelimit-remaining')).toBe(String(allowance - 1));
    expect(Number(first.headers.get('ratelimit-reset'))).toBeGreaterThan(0);
    const limit = defaultTenantRequestLimit();
    for (let done = 0; done < allowance; done += 500) {
      await Promise.all(Array.from({ length: Math.min(500, allowance - done) }, () => limit.hit(tenant.id)));
    }
    const refused = await callApi(workspaceRoute.GET, 'GET', as(tenant));
    expect(refused.status).toBe(429);
    expect(refused.json).toMatchObject({ code: 'rate_limited' });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.headers.get('ratelimit-remaining')).toBe('0');
    // Another workspace is not affected.
    expect((await callApi(workspaceRoute.GET, 'GET', as(globex))).status).toBe(200);
  });
});

describe('the per-key limit', () => {
  it("refuses one key past half its workspace's plan while another key of the workspace is served", async () => {
    const tenant = await workspace('key-limited');
    const { id, secret } = await apiKeyFor(tenant.id, ALL_SCOPES);
    const share = Math.ceil(PLANS.pro.limits.requestsPerMinute * KEY_SHARE);
    const counter = windowCounter('api-key-requests', 60);
    for (let done = 0; done < share; done += 500) {
      await Promise.all(Array.from({ length: Math.min(500, share - done) }, () => counter.hit(id)));
    }
    const refused = await callApi(workspaceRoute.GET, 'GET', as(tenant, { key: secret }));
    expect(refused.status).toBe(429);
    expect(refused.json).toMatchObject({ code: 'rate_limited', detail: expect.stringContaining('This API key') });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await callApi(workspaceRoute.GET, 'GET', as(tenant))).status).toBe(200);
  });
});

describe('refused keys on a workspace host', () => {
  it("spend their network's share of the workspace, not the workspace's budget (429 past it)", async () => {
    const tenant = await workspace('guessed');
    const limit = defaultTenantRequestLimit();
    const network = clientIpFrom(null, env().TRUSTED_PROXY_HOPS);
    const allowance = PLANS.pro.limits.requestsPerMinute;
    for (let done = 0; done < allowance; done += 500) {
      await Promise.all(
        Array.from({ length: Math.min(500, allowance - done) }, () => limit.hitAnonymous(tenant.id, network)),
      );
    }
    const guess = await callApi(workspaceRoute.GET, 'GET', as(tenant, { key: `tny_live_${'B'.repeat(43)}` }));
    expect(guess.status).toBe(429);
    expect(guess.json).toMatchObject({ code: 'rate_limited' });
    // The workspace's own key still works from its own network; the spent one waits, before any lookup.
    const ownNetwork = { headers: { 'x-forwarded-for': '198.51.100.91' } };
    expect((await callApi(workspaceRoute.GET, 'GET', { ...as(tenant), ...ownNetwork })).status).toBe(200);
    expect((await callApi(workspaceRoute.GET, 'GET', as(tenant))).status).toBe(429);
  });
});

describe('a key outlives nothing of its creator', () => {
  it('stops when the admin who made it is demoted or removed, on the very next request', async () => {
    const tenant = await workspace('creator-gone');
    const creator = await apiKeyCreator(tenant.id);
    const membership = await tenantDb(tenant.id).membership.findFirstOrThrow({ where: { userId: creator.id } });
    await tenantDb(tenant.id).membership.update({ where: { id: membership.id }, data: { role: 'member' } });
    const demoted = await callApi(workspaceRoute.GET, 'GET', as(tenant));
    expect(demoted.status).toBe(401);
    expect(demoted.json).toMatchObject({ code: 'api_key_creator_gone' });
    await tenantDb(tenant.id).membership.update({ where: { id: membership.id }, data: { role: 'admin' } });
    expect((await callApi(workspaceRoute.GET, 'GET', as(tenant))).status).toBe(200);
    await tenantDb(tenant.id).membership.delete({ where: { id: membership.id } });
    expect((await callApi(workspaceRoute.GET, 'GET', as(tenant))).json).toMatchObject({ code: 'api_key_creator_gone' });
  });
});

describe('input the database cannot store', () => {
  it('a NUL in a name or a title, or a cursor in year 0000, is a 4xx and changes nothing', async () => {
    const nul = await callApi(projectsRoute.POST, 'POST', { ...as(acme), body: { name: 'x\u0000y' } });
    expect(nul.status).toBe(422);
    expect(nul.json?.errors).toEqual([expect.objectContaining({ field: 'name' })]);
    const own = await tenantDb(acme.id).project.create({ data: { name: `nul-${randomUUID()}` } });
    const title = await callApi(projectTasksRoute.POST, 'POST', {
      ...as(acme),
      params: { id: own.id },
      body: { title: 'a\u0000' },
    });
    expect(title.status).toBe(422);
    expect(await tenantDb(acme.id).task.count({ where: { projectId: own.id } })).toBe(0);
    const cursor = Buffer.from(JSON.stringify(['0000-01-01T00:00:00Z', randomUUID()])).toString('base64url');
    const old = await callApi(projectsRoute.GET, 'GET', { ...as(acme), path: `/v1/x?cursor=${cursor}` });
    expect(old.status).toBe(400);
    expect(old.json).toMatchObject({ code: 'invalid_query' });
  });
});

describe('refused keys on api.<root>', () => {
  it('are limited per network, then refused before any lookup; a key from another network still works', async () => {
    const tenant = await workspace('api-host-guessed');
    const fromGuesser = {
      host: 'api.localhost:3000',
      key: `tny_live_${'C'.repeat(43)}`,
      headers: { 'x-forwarded-for': '203.0.113.90' },
    };
    for (let guess = 0; guess < REFUSED_KEYS_PER_MINUTE; guess++) {
      expect((await callApi(workspaceRoute.GET, 'GET', fromGuesser)).status).toBe(401);
    }
    const refused = await callApi(workspaceRoute.GET, 'GET', fromGuesser);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // Refused before the lookup: even a valid key from that network waits out the minute.
    const validFromGuesser = await callApi(workspaceRoute.GET, 'GET', { ...fromGuesser, key: tenant.key });
    expect(validFromGuesser.status).toBe(429);
    const elsewhere = { host: 'api.localhost:3000', key: tenant.key, headers: { 'x-forwarded-for': '198.51.100.90' } };
    expect((await callApi(workspaceRoute.GET, 'GET', elsewhere)).status).toBe(200);
  });
});

describe('resources', () => {
  it('projects and tasks: create, read, change, filter and delete', async () => {
    const created = await callApi(projectsRoute.POST, 'POST', { ...as(acme), body: { name: `crud-${randomUUID()}` } });
    expect(created.status).toBe(201);
    const projectId = String(created.json?.id);
    const params = { id: projectId };
    const renamed = await callApi(projectRoute.PATCH, 'PATCH', {
      ...as(acme),
      params,
      body: { name: `renamed-${projectId}` },
    });
    expect(renamed.json).toMatchObject({ id: projectId, name: `renamed-${projectId}` });

    const task = await callApi(projectTasksRoute.POST, 'POST', { ...as(acme), params, body: { title: 'Write docs' } });
    expect(task.status).toBe(201);
    expect(task.json).toMatchObject({ project_id: projectId, title: 'Write docs', status: 'todo', assignee_id: null });
    const taskParams = { id: String(task.json?.id) };
    await callApi(projectTasksRoute.POST, 'POST', { ...as(acme), params, body: { title: 'Other' } });
    const done = await callApi(taskRoute.PATCH, 'PATCH', {
      ...as(acme),
      params: taskParams,
      body: { status: 'done', due_on: '2027-01-31' },
    });
    expect(done.json).toMatchObject({ status: 'done', due_on: '2027-01-31' });
    expect((await callApi(taskRoute.PATCH, 'PATCH', { ...as(acme), params: taskParams, body: {} })).status).toBe(422);

    const open = await callApi(projectTasksRoute.GET, 'GET', { ...as(acme), params, path: '/v1/x?status=todo' });
    expect(open.json).toMatchObject({ data: [{ title: 'Other' }], next_cursor: null });
    expect((await callApi(taskRoute.GET, 'GET', { ...as(acme), params: taskParams })).json).toMatchObject({
      status: 'done',
    });

    expect((await callApi(taskRoute.DELETE, 'DELETE', { ...as(acme), params: taskParams })).status).toBe(204);
    expect((await callApi(taskRoute.GET, 'GET', { ...as(acme), params: taskParams })).status).toBe(404);
    expect((await callApi(projectRoute.DELETE, 'DELETE', { ...as(acme), params })).status).toBe(204);
    expect((await callApi(projectRoute.GET, 'GET', { ...as(acme), params })).status).toBe(404);
    const audit = await tenantDb(acme.id).auditEvent.findMany({ where: { actorEmail: { startsWith: 'api-key:' } } });
    expect(audit.map((event) => event.action)).toEqual(
      expect.arrayContaining([
        'project.created',
        'project.renamed',
        'task.created',
        'task.completed',
        'task.deleted',
        'project.deleted',
      ]),
    );
  });

  it('a duplicate project name is 409 naming the field', async () => {
    const name = `dup-${randomUUID()}`;
    await callApi(projectsRoute.POST, 'POST', { ...as(acme), body: { name } });
    const again = await callApi(projectsRoute.POST, 'POST', { ...as(acme), body: { name } });
    expect(again.status).toBe(409);
    expect(again.json).toMatchObject({ code: 'conflict', errors: [{ field: 'name' }] });
  });

  it('records when a key was last used, for the settings page', async () => {
    const { id, secret } = await apiKeyFor(acme.id, ['projects:read']);
    await callApi(projectsRoute.GET, 'GET', as(acme, { key: secret }));
    const used = await eventually('last use recorded', async () => {
      const key = await tenantDb(acme.id).apiKey.findFirstOrThrow({ where: { id } });
      return key.lastUsedAt ?? undefined;
    });
    expect(Date.now() - used.getTime()).toBeLessThan(60_000);
  });

  it("members: the workspace's own only", async () => {
    const answer = await callApi(membersRoute.GET, 'GET', as(globex));
    expect(answer.status).toBe(200);
    // globex's one member is the admin who made its key; none of acme's.
    const creator = await apiKeyCreator(globex.id);
    expect(answer.json).toMatchObject({ data: [{ email: creator.email }], next_cursor: null });
  });
});
