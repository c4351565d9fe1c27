import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTenant } from '../../tests/support/tenants';
import { tenantDb } from '../db/tenant-db';
import type { FileStorage } from './file-storage';
import { forgetStaleUploads } from './forget-stale-uploads';
import { localDiskStorage } from './local-disk-storage';
import { storageKey } from './storage-key';
import { storageUsed } from './storage-used';

let directory: string;
let storage: FileStorage;

beforeAll(async () => {
  directory = await mkdtemp(path.join(tmpdir(), 'tenantry-stale-'));
  storage = localDiskStorage({ directory, signingSecret: 'x'.repeat(32) });
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

it('an upload that died an hour ago stops counting and is removed; live ones and other workspaces stay', async () => {
  const tenant = await createTenant('stale');
  const other = await createTenant('stale-other');
  const logo = async (tenantId: string, minutesAgo: number, status = 'uploading') => {
    const id = randomUUID();
    const key = storageKey(tenantId, id);
    await storage.put(key, [Buffer.from('partial')], { contentType: 'image/png', maxBytes: 100 });
    await tenantDb(tenantId).storedFile.create({
      data: {
        id,
        key,
        name: 'logo.png',
        contentType: 'image/png',
        size: 1000,
        purpose: 'logo',
        status,
        createdAt: new Date(Date.now() - minutesAgo * 60_000),
      },
    });
    return key;
  };
  const dead = await logo(tenant.id, 61);
  const live = await logo(tenant.id, 5);
  const stored = await logo(tenant.id, 600, 'stored');
  const othersDead = await logo(other.id, 61);
  expect(await storageUsed(tenantDb(tenant.id))).toBe(2000);

  expect(await forgetStaleUploads(tenantDb(tenant.id), storage)).toBe(1);
  expect(await storage.get(dead)).toBeNull();
  expect(await storage.get(live)).not.toBeNull();
  expect(await storage.get(stored)).not.toBeNull();
  expect(await storage.get(othersDead)).not.toBeNull();
  expect(await tenantDb(tenant.id).storedFile.count()).toBe(2);
  expect(await tenantDb(other.id).storedFile.count()).toBe(1);
});
