// Removing files: the uploader or an admin, the row and the object both, and never across workspaces.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTenant } from '../../tests/support/tenants';
import { pdfOfSize, streamOf } from '../../tests/support/upload-bodies';
import { authDb } from '../db/auth-db';
import { tenantDb } from '../db/tenant-db';
import { deleteFile } from './delete-file';
import type { FileStorage } from './file-storage';
import { localDiskStorage } from './local-disk-storage';
import { storageKey } from './storage-key';
import { uploadFile } from './upload-file';

let directory: string;
let storage: FileStorage;

beforeAll(async () => {
  directory = await mkdtemp(path.join(tmpdir(), 'tenantry-delete-'));
  storage = localDiskStorage({ directory, signingSecret: 'x'.repeat(32) });
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

async function person() {
  const email = `p-${randomUUID()}@example.test`;
  return { id: (await authDb().user.create({ data: { email } })).id, email };
}

async function attached(tenantId: string, actor: { id: string; email: string }) {
  const project = await tenantDb(tenantId).project.create({
    data: { name: `P ${randomUUID()}`, tasks: { create: [{ title: 't' }] } },
    include: { tasks: true },
  });
  const result = await uploadFile(
    tenantDb(tenantId),
    storage,
    { tenantId, actor },
    {
      purpose: 'task-attachment',
      taskId: project.tasks[0]?.id ?? '',
      clientName: 'a.pdf',
      declaredBytes: null,
      body: streamOf(pdfOfSize(1000)),
    },
  );
  if (!result.ok) throw new Error(result.error);
  return result.fileId;
}

it('the uploader removes their file: row and object; someone else needs the admin right', async () => {
  const tenant = await createTenant('del');
  const uploader = await person();
  const other = await person();
  const fileId = await attached(tenant.id, uploader);
  const db = tenantDb(tenant.id);

  const target = { fileId, purpose: 'task-attachment' as const };
  expect(await deleteFile(db, storage, other, { ...target, mayDeleteOthers: false })).toEqual({
    ok: false,
    error: 'Only its uploader or an admin can remove this file.',
  });
  expect(await storage.get(storageKey(tenant.id, fileId))).not.toBeNull();
  expect(await deleteFile(db, storage, uploader, { ...target, mayDeleteOthers: false })).toEqual({
    ok: true,
    name: 'a.pdf',
  });
  expect(await db.storedFile.count()).toBe(0);
  expect(await storage.get(storageKey(tenant.id, fileId))).toBeNull();
});

it("cannot remove another workspace's file, even knowing its id", async () => {
  const a = await createTenant('del-a');
  const b = await createTenant('del-b');
  const uploader = await person();
  const fileId = await attached(a.id, uploader);
  const result = await deleteFile(tenantDb(b.id), storage, uploader, {
    fileId,
    purpose: 'task-attachment',
    mayDeleteOthers: true,
  });
  expect(result).toEqual({ ok: false, error: 'That file no longer exists.' });
  expect(await tenantDb(a.id).storedFile.count()).toBe(1);
  expect(await storage.get(storageKey(a.id, fileId))).not.toBeNull();
});
