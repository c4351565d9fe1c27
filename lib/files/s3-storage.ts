// The production driver: any S3-compatible store through the real AWS SDK. Uploads stream in
// parts of 5 MiB (S3's smallest multipart part), so memory per upload stays bounded whatever the
// file's size; a file smaller than one part is one PutObject. Downloads are presigned GETs.
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { limitBytes, TooLargeError } from './byte-limit';
import { contentDisposition } from './content-disposition';
import type { FileStorage } from './file-storage';
import { MAX_DOWNLOAD_SECONDS } from './signed-download';
import { assertStorageKey } from './storage-key';

export const PART_BYTES = 5 * 1024 ** 2;

export type S3StorageOptions = { bucket: string; client: S3ClientConfig };

export function s3Storage({ bucket, client: config }: S3StorageOptions): FileStorage {
  const client = new S3Client(config);

  return {
    driver: 's3',

    async put(key, body, { contentType, maxBytes }) {
      assertStorageKey(key);
      const parts = bufferedParts(limitBytes(body, maxBytes));
      let upload: { id: string; etags: string[] } | null = null;
      let size = 0;
      try {
        for await (const part of parts) {
          size += part.byteLength;
          if (!upload && part.byteLength < PART_BYTES) {
            // The whole file fits in one part: no multipart upload needed.
            await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: part, ContentType: contentType }));
            return { ok: true, size };
          }
          if (!upload) {
            const created = await client.send(
              new CreateMultipartUploadCommand({ Bucket: bucket, Key: key, ContentType: contentType }),
            );
            if (!created.UploadId) throw new Error('S3 returned no UploadId');
            upload = { id: created.UploadId, etags: [] };
          }
          const sent = await client.send(
            new UploadPartCommand({
              Bucket: bucket,
              Key: key,
              UploadId: upload.id,
              PartNumber: upload.etags.length + 1,
              Body: part,
            }),
          );
          upload.etags.push(sent.ETag ?? '');
        }
        if (!upload) {
          await client.send(
            new PutObjectCommand({ Bucket: bucket, Key: key, Body: new Uint8Array(0), ContentType: contentType }),
          );
          return { ok: true, size: 0 };
        }
        await client.send(
          new CompleteMultipartUploadCommand({
            Bucket: bucket,
            Key: key,
            UploadId: upload.id,
            MultipartUpload: { Parts: upload.etags.map((ETag, index) => ({ ETag, PartNumber: index + 1 })) },
          }),
        );
        return { ok: true, size };
      } catch (error) {
        if (upload) {
          await client
            .send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: upload.id }))
            .catch(() => {});
        }
        if (error instanceof TooLargeError) return { ok: false, reason: 'too-large' };
        throw error;
      }
    },

    async get(key) {
      assertStorageKey(key);
      try {
        const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        return object.Body ? object.Body.transformToWebStream() : null;
      } catch (error) {
        if (error instanceof NoSuchKey) return null;
        throw error;
      }
    },

    async delete(key) {
      assertStorageKey(key);
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    },

    async downloadUrl(target, { expiresInSeconds }) {
      assertStorageKey(target.key);
      const command = new GetObjectCommand({
        Bucket: bucket,
        Key: target.key,
        ResponseContentType: target.contentType,
        ResponseContentDisposition: contentDisposition(target.name, target.contentType),
      });
      return getSignedUrl(client, command, { expiresIn: Math.min(expiresInSeconds, MAX_DOWNLOAD_SECONDS) });
    },
  };
}

// Re-chunks a stream into parts of exactly PART_BYTES (the last one shorter): one part in memory.
async function* bufferedParts(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  for await (const chunk of source) {
    let rest = chunk;
    while (pendingBytes + rest.byteLength >= PART_BYTES) {
      const take = PART_BYTES - pendingBytes;
      pending.push(rest.subarray(0, take));
      yield Buffer.concat(pending);
      rest = rest.subarray(take);
      pending = [];
      pendingBytes = 0;
    }
    if (rest.byteLength > 0) {
      pending.push(rest);
      pendingBytes += rest.byteLength;
    }
  }
  if (pendingBytes > 0) yield Buffer.concat(pending);
}
