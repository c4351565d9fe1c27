// The file routes as a browser meets them, with the local driver: uploads only for members, from
// their own pages; downloads only through links that are bound to the workspace's host, the file
// and a short expiry. A link of A's file is useless on B's host, after expiry, or for another file.
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { originForHost } from '@/lib/auth/app-url';
import { sessionCookieName } from '@/lib/auth/session-cookie';
import { PLANS } from '@/lib/billing/plans';
import { tenantDb } from '@/lib/db/tenant-db';
import { signDownload } from '@/lib/files/signed-download';
import { fileSigningSecret } from '@/lib/files/storage-from-env';
import { storageKey } from '@/lib/files/storage-key';
import { defaultTenantRequestLimit, SECOND_SHARE } from '@/lib/rate-limit/tenant-request-limit';
import { stubRequest } from '@/tests/support/next-request-stub';
import { createTenant } from '@/tests/support/tenants';
import { endlessPdf, pdfOfSize, streamOf } from '@/tests/support/upload-bodies';
import { hostOf, type Member, signedInMember, type Tenant } from '@/tests/support/workspace-members';
import * as uploadRoute from '../../../api/uploads/route';
import * as downloadRoute from './[fileId]/download/route';
import * as openRoute from './[fileId]/route';

vi.mock('next/headers', () => import('../../../../tests/support/next-request-stub'));

const directory = path.join(tmpdir(), `tenantry-file-routes-${randomUUID()}`);
process.env.FILES_DIR = directory;
delete process.env.S3_BUCKET;

let a: Tenant;
let b: Tenant;
let aMember: Member;
let bMember: Member;
/** Signed in on A's host, but no longer A's member. */
let removedMember: Member;
let aTaskId: string;

beforeAll(async () => {
  await mkdtemp(`${directory}-`).then((made) => rm(made, { recursive: true }));
  a = await createTenant('files-a');
  b = await createTenant('files-b');
  aMember = await signedInMember(a, 'member');
  bMember = await signedInMember(b, 'member');
  removedMember = await signedInMember(a, 'member');
  await tenantDb(a.id).membership.deleteMany({ where: { userId: removedMember.id } });
  const project = await tenantDb(a.id).project.create({
    data: { name: 'Launch', tasks: { create: [{ title: 'Press kit' }] } },
    include: { tasks: true },
  });
  aTaskId = project.tasks[0]?.id ?? '';
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

/** The request as a member's browser sends it from their workspace's page. */
function as(member: Member | null, tenant: Tenant, origin: string = originForHost(hostOf(tenant))) {
  const host = hostOf(tenant);
  stubRequest({ host, origin }, member ? { [sessionCookieName(host)]: member.token } : {});
}

async function upload(
  tenant: Tenant,
  body: Buffer | ReadableStream<Uint8Array>,
  query = `purpose=task-attachment&taskId=${aTaskId}`,
  name = 'plan.pdf',
) {
  const headers: Record<string, string> = { 'x-file-name': encodeURIComponent(name) };
  if (Buffer.isBuffer(body)) headers['content-length'] = String(body.length);
  const request = new Request(`http://${hostOf(tenant)}/api/uploads?${query}`, {
    method: 'POST',
    headers,
    body: Buffer.isBuffer(body) ? streamOf(body) : body,
    duplex: 'half',
  } as RequestInit);
  return uploadRoute.POST(request);
}

function open(tenant: Tenant, fileId: string) {
  return openRoute.GET(new Request(`http://${hostOf(tenant)}/files/${fileId}`), {
    params: Promise.resolve({ tenant: tenant.slug, fileId }),
  });
}

function download(tenant: Tenant, link: string) {
  const url = new URL(link, `http://${hostOf(tenant)}`);
  const fileId = url.pathname.split('/')[2] ?? '';
  return downloadRoute.GET(new Request(url), { params: Promise.resolve({ tenant: tenant.slug, fileId }) });
}

async function uploadedByA(bytes = pdfOfSize(5000)): Promise<{ id: string; link: string }> {
  as(aMember, a);
  const response = await upload(a, bytes);
  expect(response.status).toBe(201);
  const { id } = (await response.json()) as { id: string };
  const opened = await open(a, id);
  expect(opened.status).toBe(303);
  return { id, link: opened.headers.get('location') ?? '' };
}

describe('uploading', () => {
  it('signed-out uploads are counted too (their network share): a flood of them meets 429, not endless 401s', async () => {
    const target = await createTenant('files-anon-flood');
    stubRequest({ host: hostOf(target), origin: originForHost(hostOf(target)) }, {});
    const share = Math.ceil(PLANS.free.limits.requestsPerMinute * SECOND_SHARE);
    const statuses = await Promise.all(
      Array.from({ length: share + 10 }, () =>
        uploadRoute
          .POST(
            new Request(`http://${hostOf(target)}/api/uploads?purpose=logo`, {
              method: 'POST',
              headers: { 'x-forwarded-for': '203.0.113.90' },
              body: streamOf(pdfOfSize(10)),
              duplex: 'half',
            } as RequestInit),
          )
          .then((response) => response.status),
      ),
    );
    expect(new Set(statuses)).toEqual(new Set([401, 429]));
  });

  it('a workspace over its request limit gets 429 for an upload (the proxy does not see this path); others are served', async () => {
    const flooded = await createTenant('files-flooded');
    const floodedMember = await signedInMember(flooded, 'member');
    const [task] = (
      await tenantDb(flooded.id).project.create({
        data: { name: 'Flood', tasks: { create: [{ title: 'T' }] } },
        include: { tasks: true },
      })
    ).tasks;
    // More than a second's share of the Free plan, as a flood of the members' page requests would spend it.
    const share = Math.ceil(PLANS.free.limits.requestsPerMinute * SECOND_SHARE);
    for (let i = 0; i <= share; i++) await defaultTenantRequestLimit().hit(flooded.id);
    as(floodedMember, flooded);
    const host = hostOf(flooded);
    const refused = await uploadRoute.POST(
      new Request(`http://${host}/api/uploads?purpose=task-attachment&taskId=${task?.id}`, {
        method: 'POST',
        headers: { cookie: `${sessionCookieName(host)}=${floodedMember.token}`, 'content-length': '1000' },
        body: streamOf(pdfOfSize(1000)),
        duplex: 'half',
      } as RequestInit),
    );
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await tenantDb(flooded.id).storedFile.count()).toBe(0);
    as(aMember, a);
    expect((await upload(a, pdfOfSize(1000))).status).toBe(201);
  });

  it("a member attaches a file to a task; a member's link downloads it, as an attachment", async () => {
    const bytes = pdfOfSize(5000);
    const { link } = await uploadedByA(bytes);
    expect(link).toMatch(/^\/files\/[0-9a-f-]{36}\/download\?expires=\d+&signature=[\w-]+$/);
    const response = await download(a, link);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="plan\.pdf"/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('is refused to the signed-out, to non-members and from another site, before the body is read', async () => {
    for (const [who, origin, status] of [
      [null, undefined, 401],
      [bMember, undefined, 401],
      [removedMember, undefined, 403],
      [aMember, originForHost(hostOf(b)), 403],
    ] as const) {
      as(who, a, origin);
      const body = endlessPdf();
      expect((await upload(a, body.body)).status).toBe(status);
      expect(body.pulled()).toBeLessThanOrEqual(1);
    }
    expect(await tenantDb(a.id).storedFile.count({ where: { name: 'plan.pdf', status: 'uploading' } })).toBe(0);
  });

  it('a plain member cannot change the logo; an oversized or mistyped file gets its status', async () => {
    as(aMember, a);
    expect((await upload(a, pdfOfSize(100), 'purpose=logo')).status).toBe(403);
    expect((await upload(a, pdfOfSize(11 * 1024 * 1024))).status).toBe(413);
    expect((await upload(a, Buffer.from([0, 1, 2, 3, 0, 255, 254]))).status).toBe(415);
    expect((await upload(a, pdfOfSize(100), 'purpose=task-attachment&taskId=nope')).status).toBe(400);
  });
});

describe('download links', () => {
  it("opening is for members: a removed member gets nothing, and A's file id is unknown on B's host", async () => {
    const { id } = await uploadedByA();
    as(removedMember, a);
    expect((await open(a, id)).status).toBe(403);
    as(bMember, b);
    expect((await open(b, id)).status).toBe(404);
    as(null, a);
    expect((await open(a, id)).status).toBe(401);
  });

  it("A's link is useless on B's host", async () => {
    const { link } = await uploadedByA();
    as(null, b);
    const response = await download(b, link);
    expect(response.status).toBe(403);
    // The same link still works where it belongs (so the refusal above is the host's doing).
    as(null, a);
    expect((await download(a, link)).status).toBe(200);
  });

  it('is useless after its expiry, and an expiry pushed further out breaks its signature', async () => {
    const { id } = await uploadedByA();
    const key = storageKey(a.id, id);
    const past = signDownload(fileSigningSecret(), a.id, key, 60, Date.now() - 61_000);
    as(null, a);
    expect(
      (await download(a, `/files/${id}/download?expires=${past.expires}&signature=${past.signature}`)).status,
    ).toBe(403);
    const current = signDownload(fileSigningSecret(), a.id, key, 60);
    const extended = `/files/${id}/download?expires=${current.expires + 600}&signature=${current.signature}`;
    expect((await download(a, extended)).status).toBe(403);
  });

  it('is useless for another file: a tampered file id or signature is refused', async () => {
    const first = await uploadedByA();
    const second = await uploadedByA();
    as(null, a);
    expect((await download(a, first.link.replace(first.id, second.id))).status).toBe(403);
    const flipped = first.link.replace(/signature=(.)/, (_, c: string) => `signature=${c === 'A' ? 'B' : 'A'}`);
    expect((await download(a, flipped)).status).toBe(403);
    expect((await download(a, first.link.replace(/&signature=.*/, ''))).status).toBe(403);
    expect((await download(a, first.link)).status).toBe(200);
  });
});

describe('on disk', () => {
  it('every object sits under tenants/{tenantId}/{fileId}, whatever names were uploaded', async () => {
    as(aMember, a);
    expect((await upload(a, pdfOfSize(100), undefined, '../../../escape.pdf')).status).toBe(201);
    expect(await readdir(directory)).toEqual(['tenants']);
    expect((await readdir(path.join(directory, 'tenants'))).sort()).toEqual([a.id]);
  });
});
