// The storage contract, run against both drivers: local disk over a temporary directory, and the
// real AWS SDK against a real S3-compatible server (s3rver, tests/support/s3-server.ts).
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startS3Server, type TestS3Server } from '../../tests/support/s3-server';
import type { FileStorage } from './file-storage';
import { localDiskStorage } from './local-disk-storage';
import { PART_BYTES, s3Storage } from './s3-storage';
import { storageKey } from './storage-key';

let s3: TestS3Server;
let directory: string;
const drivers: Record<'local-disk' | 's3', () => FileStorage> = {
  'local-disk': () => localDiskStorage({ directory, signingSecret: 'x'.repeat(32) }),
  s3: () => s3Storage({ bucket: s3.bucket, client: s3.clientConfig }),
};

beforeAll(async () => {
  s3 = await startS3Server();
  directory = await mkdtemp(path.join(tmpdir(), 'tenantry-files-'));
});

afterAll(async () => {
  await s3.stop();
  await rm(directory, { recursive: true, force: true });
});

async function* chunks(total: number, chunkSize = 64 * 1024): AsyncGenerator<Uint8Array> {
  for (let sent = 0; sent < total; sent += chunkSize) {
    yield new Uint8Array(Math.min(chunkSize, total - sent)).fill(sent % 251);
  }
}

async function read(stream: ReadableStream<Uint8Array> | null): Promise<Buffer | null> {
  return stream ? Buffer.from(await new Response(stream).arrayBuffer()) : null;
}

const newKey = () => storageKey(randomUUID(), randomUUID());

describe.each(['local-disk', 's3'] as const)('%s driver', (driver) => {
  const storage = () => drivers[driver]();

  it('stores a stream and gives the same bytes back, then deletes it (twice is fine)', async () => {
    const key = newKey();
    const bytes = Buffer.from('hello, tenant files');
    expect(await storage().put(key, chunks(0), { contentType: 'text/plain', maxBytes: 10 })).toEqual({
      ok: true,
      size: 0,
    });
    expect(await storage().put(key, [bytes], { contentType: 'text/plain', maxBytes: 1024 })).toEqual({
      ok: true,
      size: bytes.length,
    });
    expect(await read(await storage().get(key))).toEqual(bytes);
    await storage().delete(key);
    await storage().delete(key);
    expect(await storage().get(key)).toBeNull();
  });

  it('streams a file bigger than one S3 part (multipart) intact', async () => {
    const key = newKey();
    const total = PART_BYTES * 2 + 12_345;
    expect(await storage().put(key, chunks(total), { contentType: 'application/zip', maxBytes: total })).toEqual({
      ok: true,
      size: total,
    });
    const back = await read(await storage().get(key));
    expect(back?.length).toBe(total);
    const sent: Uint8Array[] = [];
    for await (const chunk of chunks(total)) sent.push(chunk);
    expect(back?.equals(Buffer.concat(sent))).toBe(true);
  });

  it('refuses a body over the limit, stores nothing of it and stops reading', async () => {
    const key = newKey();
    let pulled = 0;
    async function* endless() {
      for (;;) {
        pulled += 1;
        yield new Uint8Array(64 * 1024);
      }
    }
    const maxBytes = PART_BYTES + 100_000;
    expect(await storage().put(key, endless(), { contentType: 'application/zip', maxBytes })).toEqual({
      ok: false,
      reason: 'too-large',
    });
    expect(pulled).toBe(Math.floor(maxBytes / (64 * 1024)) + 1);
    expect(await storage().get(key)).toBeNull();
    if (driver === 'local-disk') {
      const [, tenantId] = key.split('/');
      expect(await readdir(path.join(directory, 'tenants', tenantId ?? ''))).toEqual([]);
    }
  });

  it('refuses any key that is not tenants/{uuid}/{uuid}', async () => {
    const tenant = randomUUID();
    for (const key of [
      `tenants/${tenant}/../../../etc/passwd`,
      '/etc/passwd',
      `tenants/${tenant}/a.txt`,
      `tenants/${tenant}/${randomUUID()}\0`,
      `tenants/${tenant}/${randomUUID()}/more`,
    ]) {
      await expect(storage().put(key, [Buffer.from('x')], { contentType: 'text/plain', maxBytes: 10 })).rejects.toThrow(
        /not a storage key/,
      );
      await expect(storage().get(key)).rejects.toThrow(/not a storage key/);
      await expect(storage().delete(key)).rejects.toThrow(/not a storage key/);
    }
  });
});

describe('S3 presigned downloads', () => {
  const storage = () => drivers.s3();

  async function stored(body: string) {
    const tenantId = randomUUID();
    const key = storageKey(tenantId, randomUUID());
    await storage().put(key, [Buffer.from(body)], { contentType: 'text/plain', maxBytes: 1024 });
    return { tenantId, key, name: 'notes.txt', contentType: 'text/plain' };
  }

  it('opens the object, named and typed by us, as an attachment', async () => {
    const target = await stored('the plan');
    const response = await fetch(await storage().downloadUrl(target, { expiresInSeconds: 60 }));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('the plan');
    expect(response.headers.get('content-type')).toBe('text/plain');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="notes.txt"; filename*=UTF-8''notes.txt`,
    );
  });

  it("is useless for another key: A's link pointed at B's object is refused", async () => {
    const a = await stored('a secret');
    const b = await stored('b secret');
    const url = await storage().downloadUrl(a, { expiresInSeconds: 60 });
    const tampered = url.replace(a.key, b.key);
    expect(tampered).not.toBe(url);
    const response = await fetch(tampered);
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain('b secret');
  });

  it('is useless after its expiry', async () => {
    const target = await stored('soon gone');
    const url = await storage().downloadUrl(target, { expiresInSeconds: 1 });
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const response = await fetch(url);
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('expired');
  });

  it('never lives longer than 15 minutes, whatever the caller asks', async () => {
    const url = new URL(await storage().downloadUrl(await stored('x'), { expiresInSeconds: 86_400 }));
    expect(Number(url.searchParams.get('X-Amz-Expires'))).toBe(900);
  });
});
