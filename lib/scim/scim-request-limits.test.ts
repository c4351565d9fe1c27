// What the SCIM API makes of hostile paging parameters and oversized bodies (issue 11): RFC 7644's
// paging semantics, a 400 invalidValue for what is no integer, and a 413 for a body past the bound,
// also when it comes chunked with no Content-Length.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import * as groupsRoute from '../../app/t/[tenant]/api/scim/v2/Groups/route';
import * as usersRoute from '../../app/t/[tenant]/api/scim/v2/Users/route';
import { stubRequest } from '../../tests/support/next-request-stub';
import { newAddress, type ScimTenant, scim, scimWorkspace, userBody } from '../../tests/support/scim-client';
import { authDb } from '../db/auth-db';
import { tenantDb } from '../db/tenant-db';

vi.mock('next/headers', () => import('../../tests/support/next-request-stub'));

let acme: ScimTenant;

beforeAll(async () => {
  const admin = await authDb().user.create({ data: { email: `admin-${randomUUID()}@example.test` } });
  acme = await scimWorkspace('limits', admin);
  for (let user = 0; user < 3; user++) {
    expect((await scim(acme, usersRoute.POST, 'POST', { body: userBody(newAddress(acme.domain)) })).status).toBe(201);
  }
  await scim(acme, groupsRoute.POST, 'POST', { body: { displayName: 'Everyone' } });
});

describe.each([
  ['Users', usersRoute.GET],
  ['Groups', groupsRoute.GET],
])('GET /%s paging', (_, list) => {
  it.each([
    ['startIndex=1e308'],
    ['startIndex=abc'],
    ['startIndex=1.5'],
    ['startIndex=99999999999999999999'],
    ['count=1e308'],
    ['count=abc'],
    ['count=Infinity'],
    ['count=0x10'],
    ['startIndex='],
  ])('answers %s with 400 invalidValue', async (query) => {
    const refused = await scim(acme, list, 'GET', { query: `?${query}` });
    expect(refused.status).toBe(400);
    expect(refused.json).toMatchObject({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
      status: '400',
      scimType: 'invalidValue',
    });
  });

  it.each([
    ['startIndex=0', { startIndex: 1 }],
    ['startIndex=-7', { startIndex: 1 }],
    ['count=-5', { itemsPerPage: 0, Resources: [] }],
    ['count=0', { itemsPerPage: 0, Resources: [] }],
    ['count=100000', {}],
    ['startIndex=999999999', { startIndex: 999999999, itemsPerPage: 0 }],
  ])('follows RFC 7644 for %s', async (query, expected) => {
    const page = await scim(acme, list, 'GET', { query: `?${query}` });
    expect(page.status).toBe(200);
    expect(page.json).toMatchObject(expected);
    expect(page.json.itemsPerPage).toBeLessThanOrEqual(200);
  });
});

describe('SCIM body bound', () => {
  const userCount = () => tenantDb(acme.id).scimUser.count();

  it('answers 413 to a body past the limit that declares its length', async () => {
    const count = await userCount();
    const tooLarge = await scim(acme, usersRoute.POST, 'POST', {
      body: userBody(newAddress(acme.domain), { displayName: 'a'.repeat(300_000) }),
    });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.json).toMatchObject({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '413' });
    expect(await userCount()).toBe(count);
  });

  it('answers 413 to a chunked body with no Content-Length, without reading it to the end', async () => {
    const count = await userCount();
    const host = `${acme.slug}.localhost`;
    stubRequest({ host });
    let sent = 0;
    const chunk = new TextEncoder().encode(`${' '.repeat(64 * 1024)}`);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        // 32 MiB in 64 KiB chunks: a reader that stops at the limit pulls only the first few.
        if (sent >= 32 * 1024 * 1024) return controller.close();
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const request = new Request(`http://${host}/api/scim/v2/Users`, {
      method: 'POST',
      headers: { host, authorization: `Bearer ${acme.token}`, 'content-type': 'application/scim+json' },
      body,
      duplex: 'half',
    } as RequestInit & { duplex: 'half' });
    expect(request.headers.get('content-length')).toBeNull();
    const response = await usersRoute.POST(request, { params: Promise.resolve({ tenant: acme.slug }) });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ status: '413' });
    expect(sent).toBeLessThan(2 * 1024 * 1024);
    expect(await userCount()).toBe(count);
  });
});
