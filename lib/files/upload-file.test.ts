// The upload service against PostgreSQL (as app_user) and both storage drivers: the quota is
// reserved before anything is stored and cannot be oversubscribed by parallel uploads, oversized
// bodies stop being read, types come from the bytes, and names never reach a path.
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startS3Server, type TestS3Server } from '../../tests/support/s3-server';
import { createTenant } from '../../tests/support/tenants';
import { endlessPdf, PNG_1X1, pdfOfSize, streamOf } from '../../tests/support/upload-bodies';
import { PLANS } from '../billing/plans';
import { authDb } from '../db/auth-db';
import { tenantDb } from '../db/tenant-db';
import { FILE_PURPOSES } from './file-purposes';
import type { FileStorage } from './file-storage';
import { localDiskStorage } from './local-disk-storage';
import { s3Storage } from './s3-storage';
import { storageKey } from './storage-key';
import { storageUsed } from './storage-used';
import { type UploadRequest, uploadFile } from './upload-file';

let s3: TestS3Server;
let directory: string;
let actor: { id: string; email: string };

beforeAll(async () => {
  s3 = await startS3Server();
  directory = await mkdtemp(path.join(tmpdir(), 'tenantry-uploads-'));
  const email = `uploader-${randomUUID()}@example.test`;
  actor = { id: (await authDb().user.create({ data: { email } })).id, email };
});

afterAll(async () => {
  await s3.stop();
  await rm(directory, { recursive: true, force: true });
});

const drivers: Record<'local-disk' | 's3', () => FileStorage> = {
  'local-disk': () => localDiskStorage({ directory, signingSecret: 'x'.repeat(32) }),
  s3: () => s3Storage({ bucket: s3.bucket, client: s3.clientConfig }),
};

async function workspaceWithTask(label: string) {
  const tenant = await createTenant(label);
  const project = await tenantDb(tenant.id).project.create({
    data: { name: 'Files', tasks: { create: [{ title: 'with attachments' }] } },
    include: { tasks: true },
  });
  return { tenant, taskId: project.tasks[0]?.id ?? '' };
}

function attachment(taskId: string, body: Buffer | ReadableStream<Uint8Array>, extra: Partial<UploadRequest> = {}) {
  const stream = Buffer.isBuffer(body) ? streamOf(body) : body;
  return {
    purpose: 'task-attachment' as const,
    taskId,
    clientName: 'report.pdf',
    declaredBytes: Buffer.isBuffer(body) ? body.length : null,
    body: stream,
    ...extra,
  };
}

async function objectsOf(storage: FileStorage, tenantId: string) {
  const rows = await tenantDb(tenantId).storedFile.findMany({ select: { key: true } });
  const present = await Promise.all(rows.map(async (row) => (await storage.get(row.key)) !== null));
  return { rows: rows.length, present: present.filter(Boolean).length };
}

describe.each(['local-disk', 's3'] as const)('uploads through the %s driver', (driver) => {
  const storage = () => drivers[driver]();

  it('stores an attachment under a server-built key with its sniffed type and real size', async () => {
    const { tenant, taskId } = await workspaceWithTask('up');
    const bytes = pdfOfSize(200_000);
    const result = await uploadFile(
      tenantDb(tenant.id),
      storage(),
      { tenantId: tenant.id, actor },
      attachment(taskId, bytes),
    );
    expect(result).toMatchObject({ ok: true, name: 'report.pdf', size: 200_000 });
    if (!result.ok) return;
    const row = await tenantDb(tenant.id).storedFile.findFirstOrThrow({ where: { id: result.fileId } });
    expect(row).toMatchObject({
      key: `tenants/${tenant.id}/${result.fileId}`,
      contentType: 'application/pdf',
      size: 200_000,
      status: 'stored',
      taskId,
      createdBy: actor.id,
    });
    const back = Buffer.from(await new Response(await storage().get(row.key)).arrayBuffer());
    expect(back.equals(bytes)).toBe(true);
  });

  it('refuses an upload that does not fit the plan before storing it, and stores nothing', async () => {
    const { tenant, taskId } = await workspaceWithTask('full');
    const db = tenantDb(tenant.id);
    // Usage just under the free plan's storage, as one stored file (its bytes need not exist).
    const id = randomUUID();
    const almostFull = PLANS.free.limits.storageBytes - 100_000;
    await db.storedFile.create({
      data: {
        id,
        key: storageKey(tenant.id, id),
        name: 'big.zip',
        contentType: 'application/zip',
        size: almostFull,
        purpose: 'task-attachment',
        taskId,
        status: 'stored',
      },
    });
    const result = await uploadFile(
      db,
      storage(),
      { tenantId: tenant.id, actor },
      attachment(taskId, pdfOfSize(200_000)),
    );
    expect(result).toMatchObject({ ok: false, status: 507 });
    expect(!result.ok && result.error).toMatch(/^The Free plan includes 100 MB of file storage and 99\.9 MB are used/);
    expect(await db.storedFile.count()).toBe(1);
    expect(await storageUsed(db)).toBe(almostFull);
  });

  it('holds against parallel uploads: only as many as fit get in, the rest store nothing', async () => {
    const { tenant, taskId } = await workspaceWithTask('race');
    const db = tenantDb(tenant.id);
    const size = 1024 * 1024;
    const id = randomUUID();
    // Room for exactly 3 of the 10 files.
    await db.storedFile.create({
      data: {
        id,
        key: storageKey(tenant.id, id),
        name: 'big.zip',
        contentType: 'application/zip',
        size: PLANS.free.limits.storageBytes - 3 * size - 10,
        purpose: 'task-attachment',
        taskId,
        status: 'stored',
      },
    });
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        uploadFile(db, storage(), { tenantId: tenant.id, actor }, attachment(taskId, pdfOfSize(size))),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    expect(results.filter((r) => !r.ok && r.status === 507)).toHaveLength(7);
    expect(await objectsOf(storage(), tenant.id)).toEqual({ rows: 4, present: 3 });
    expect(await storageUsed(db)).toBeLessThanOrEqual(PLANS.free.limits.storageBytes);
  });

  it('refuses an oversized upload: a declared length at once, an endless body after a bounded read', async () => {
    const { tenant, taskId } = await workspaceWithTask('big');
    const db = tenantDb(tenant.id);
    const max = FILE_PURPOSES['task-attachment'].maxBytes;
    const declared = endlessPdf();
    const early = await uploadFile(
      db,
      storage(),
      { tenantId: tenant.id, actor },
      attachment(taskId, declared.body, { declaredBytes: max + 1 }),
    );
    expect(early).toMatchObject({ ok: false, status: 413, error: 'Files can be at most 10 MB.' });
    expect(declared.pulled()).toBeLessThanOrEqual(1);

    const endless = endlessPdf();
    const late = await uploadFile(db, storage(), { tenantId: tenant.id, actor }, attachment(taskId, endless.body));
    expect(late).toMatchObject({ ok: false, status: 413 });
    // 10 MB in 64 KiB chunks is 160; a stream's queue may hold one or two more.
    expect(endless.pulled()).toBeLessThanOrEqual(max / (64 * 1024) + 3);
    expect(await objectsOf(storage(), tenant.id)).toEqual({ rows: 0, present: 0 });
    // A body longer than it declared is cut off at its declaration, too.
    const liar = await uploadFile(
      db,
      storage(),
      { tenantId: tenant.id, actor },
      attachment(taskId, pdfOfSize(300_000), { declaredBytes: 100_000 }),
    );
    expect(liar).toMatchObject({ ok: false, status: 413 });
    expect(await objectsOf(storage(), tenant.id)).toEqual({ rows: 0, present: 0 });
  });
});

describe('types and names', () => {
  const storage = () => drivers['local-disk']();

  it('takes the type from the bytes: a PNG claimed as HTML is a PNG; HTML is never a logo', async () => {
    const { tenant } = await workspaceWithTask('types');
    const db = tenantDb(tenant.id);
    const logo = await uploadFile(
      db,
      storage(),
      { tenantId: tenant.id, actor },
      { purpose: 'logo', taskId: null, clientName: 'logo.html', declaredBytes: null, body: streamOf(PNG_1X1) },
    );
    expect(logo.ok).toBe(true);
    expect((await db.storedFile.findFirstOrThrow({ where: { purpose: 'logo' } })).contentType).toBe('image/png');

    for (const bytes of [
      '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
      '<html><script>alert(1)</script>',
    ]) {
      const refused = await uploadFile(
        db,
        storage(),
        { tenantId: tenant.id, actor },
        {
          purpose: 'logo',
          taskId: null,
          clientName: 'logo.png',
          declaredBytes: null,
          body: streamOf(Buffer.from(bytes)),
        },
      );
      expect(refused).toMatchObject({ ok: false, status: 415, error: 'Upload PNG, JPEG, GIF or WebP images.' });
    }
    expect(await db.storedFile.count()).toBe(1);
  });

  it('a new logo replaces the old one, row and object', async () => {
    const { tenant } = await workspaceWithTask('logo');
    const db = tenantDb(tenant.id);
    const upload = () =>
      uploadFile(
        db,
        storage(),
        { tenantId: tenant.id, actor },
        { purpose: 'logo', taskId: null, clientName: 'logo.png', declaredBytes: null, body: streamOf(PNG_1X1) },
      );
    const first = await upload();
    const second = await upload();
    expect(first.ok && second.ok).toBe(true);
    const logos = await db.storedFile.findMany({ where: { purpose: 'logo' } });
    expect(logos.map((l) => l.id)).toEqual([second.ok ? second.fileId : '']);
    expect(await storage().get(storageKey(tenant.id, first.ok ? first.fileId : ''))).toBeNull();
  });

  it("never lets the client's name into a path: traversal, absolute, NUL, bidi and huge names", async () => {
    const { tenant, taskId } = await workspaceWithTask('names');
    const db = tenantDb(tenant.id);
    const names: [string, string][] = [
      ['../../../../etc/passwd', 'passwd'],
      ['..\\..\\windows\\system32\\evil.pdf', 'evil.pdf'],
      ['/etc/shadow', 'shadow'],
      ['report\0.pdf', 'report.pdf'],
      ['invoice\u202Efdp.exe', 'invoicefdp.exe'],
      ['..', 'file'],
      ['ﬁle․pdf', 'file.pdf'],
      [`${'a'.repeat(5000)}.pdf`, `${'a'.repeat(196)}.pdf`],
    ];
    for (const [clientName, shown] of names) {
      const result = await uploadFile(
        db,
        storage(),
        { tenantId: tenant.id, actor },
        attachment(taskId, pdfOfSize(1000), { clientName }),
      );
      expect(result).toMatchObject({ ok: true, name: shown });
    }
    const rows = await db.storedFile.findMany();
    expect(rows.every((row) => row.key === `tenants/${tenant.id}/${row.id}`)).toBe(true);
    // On disk: exactly one directory per tenant, holding only uuids.
    const files = await readdir(path.join(directory, 'tenants', tenant.id));
    expect(files.sort()).toEqual(rows.map((row) => row.id).sort());
    expect(await readdir(path.join(directory))).toEqual(['tenants']);
  });

  it("refuses another workspace's task, and stores nothing", async () => {
    const a = await workspaceWithTask('a');
    const b = await workspaceWithTask('b');
    const result = await uploadFile(
      tenantDb(a.tenant.id),
      storage(),
      { tenantId: a.tenant.id, actor },
      attachment(b.taskId, pdfOfSize(1000)),
    );
    expect(result).toMatchObject({ ok: false, status: 404 });
    expect(await tenantDb(a.tenant.id).storedFile.count()).toBe(0);
    expect(await tenantDb(b.tenant.id).storedFile.count()).toBe(0);
  });
});
