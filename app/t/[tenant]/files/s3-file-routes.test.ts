// The same routes with S3 configured (s3rver behind a SigV4-checking front): a member's
// /files/<id> is answered with a short presigned GET of exactly that object; nobody else gets one,
// and the signed-download route of the local driver refuses everything.
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { originForHost } from '@/lib/auth/app-url';
import { sessionCookieName } from '@/lib/auth/session-cookie';
import { tenantDb } from '@/lib/db/tenant-db';
import { stubRequest } from '@/tests/support/next-request-stub';
import { startS3Server, type TestS3Server } from '@/tests/support/s3-server';
import { createTenant } from '@/tests/support/tenants';
import { pdfOfSize, streamOf } from '@/tests/support/upload-bodies';
import { hostOf, type Member, signedInMember, type Tenant } from '@/tests/support/workspace-members';
import * as uploadRoute from '../../../api/uploads/route';
import * as downloadRoute from './[fileId]/download/route';
import * as openRoute from './[fileId]/route';

vi.mock('next/headers', () => import('../../../../tests/support/next-request-stub'));

let s3: TestS3Server;
let a: Tenant;
let b: Tenant;
let aMember: Member;
let bMember: Member;
let aTaskId: string;

beforeAll(async () => {
  s3 = await startS3Server();
  // Before anything reads the environment (lib/env caches it).
  Object.assign(process.env, {
    S3_BUCKET: s3.bucket,
    S3_ENDPOINT: s3.endpoint,
    S3_REGION: s3.clientConfig.region,
    S3_ACCESS_KEY_ID: s3.clientConfig.credentials.accessKeyId,
    S3_SECRET_ACCESS_KEY: s3.clientConfig.credentials.secretAccessKey,
    S3_FORCE_PATH_STYLE: 'true',
  });
  a = await createTenant('s3-a');
  b = await createTenant('s3-b');
  aMember = await signedInMember(a, 'member');
  bMember = await signedInMember(b, 'member');
  const project = await tenantDb(a.id).project.create({
    data: { name: 'Launch', tasks: { create: [{ title: 'Press kit' }] } },
    include: { tasks: true },
  });
  aTaskId = project.tasks[0]?.id ?? '';
});

afterAll(async () => {
  await s3.stop();
});

function as(member: Member, tenant: Tenant) {
  const host = hostOf(tenant);
  stubRequest({ host, origin: originForHost(host) }, { [sessionCookieName(host)]: member.token });
}

const open = (tenant: Tenant, fileId: string) =>
  openRoute.GET(new Request(`http://${hostOf(tenant)}/files/${fileId}`), {
    params: Promise.resolve({ tenant: tenant.slug, fileId }),
  });

it("a member's link is a presigned GET of that object; other workspaces get nothing", async () => {
  const bytes = pdfOfSize(50_000);
  as(aMember, a);
  const uploaded = await uploadRoute.POST(
    new Request(`http://${hostOf(a)}/api/uploads?purpose=task-attachment&taskId=${aTaskId}`, {
      method: 'POST',
      headers: { 'x-file-name': 'brief.pdf', 'content-length': String(bytes.length) },
      body: streamOf(bytes),
      duplex: 'half',
    } as RequestInit),
  );
  expect(uploaded.status).toBe(201);
  const { id } = (await uploaded.json()) as { id: string };

  const opened = await open(a, id);
  expect(opened.status).toBe(303);
  const link = new URL(opened.headers.get('location') ?? '');
  expect(link.origin).toBe(s3.endpoint);
  expect(link.pathname).toBe(`/${s3.bucket}/tenants/${a.id}/${id}`);
  expect(Number(link.searchParams.get('X-Amz-Expires'))).toBe(60);
  const response = await fetch(link);
  expect(response.status).toBe(200);
  expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);
  expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="brief\.pdf"/);

  as(bMember, b);
  expect((await open(b, id)).status).toBe(404);
  // The local driver's route has nothing to serve when S3 holds the files, signed or not.
  as(aMember, a);
  const local = await downloadRoute.GET(new Request(`http://${hostOf(a)}/files/${id}/download${link.search}`), {
    params: Promise.resolve({ tenant: a.slug, fileId: id }),
  });
  expect(local.status).toBe(403);
});
