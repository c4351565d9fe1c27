// The development driver: files under one directory (.data/files by default), written to a
// temporary name and renamed when complete, so a refused or broken upload leaves nothing behind.
// Download links point at this app's own route on the workspace's host (lib/files/signed-download.ts).
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { limitBytes, TooLargeError } from './byte-limit';
import type { FileStorage } from './file-storage';
import { signDownload } from './signed-download';
import { assertStorageKey } from './storage-key';

export function localDiskStorage(options: { directory: string; signingSecret: string }): FileStorage {
  const root = path.resolve(options.directory);
  const pathOf = (key: string) => {
    assertStorageKey(key);
    return path.join(root, ...key.split('/'));
  };

  return {
    driver: 'local-disk',

    async put(key, body, { maxBytes }) {
      const target = pathOf(key);
      await mkdir(path.dirname(target), { recursive: true });
      const partial = `${target}.${randomUUID()}.part`;
      let size = 0;
      const counted = async function* () {
        for await (const chunk of limitBytes(body, maxBytes)) {
          size += chunk.byteLength;
          yield chunk;
        }
      };
      try {
        await pipeline(Readable.from(counted()), createWriteStream(partial, { flags: 'wx' }));
        await rename(partial, target);
        return { ok: true, size };
      } catch (error) {
        await rm(partial, { force: true });
        if (error instanceof TooLargeError) return { ok: false, reason: 'too-large' };
        throw error;
      }
    },

    async get(key) {
      const file = pathOf(key);
      try {
        if (!(await stat(file)).isFile()) return null;
      } catch {
        return null;
      }
      return Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
    },

    async delete(key) {
      await rm(pathOf(key), { force: true });
    },

    async downloadUrl(target, { expiresInSeconds }) {
      assertStorageKey(target.key);
      const fileId = target.key.split('/')[2] ?? '';
      const { expires, signature } = signDownload(options.signingSecret, target.tenantId, target.key, expiresInSeconds);
      return `/files/${fileId}/download?${new URLSearchParams({ expires: String(expires), signature })}`;
    },
  };
}
