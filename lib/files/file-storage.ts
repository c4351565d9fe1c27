// The one storage interface tenant files go through. Two drivers: local disk (development, no
// setup: lib/files/local-disk-storage.ts) and S3-compatible (lib/files/s3-storage.ts); which one
// runs is decided by the environment (lib/files/storage-from-env.ts). Keys are always
// tenants/{tenantId}/{fileId} (lib/files/storage-key.ts); drivers refuse anything else.
export type PutResult = { ok: true; size: number } | { ok: false; reason: 'too-large' };

/** What a download link needs to know about the object. */
export type DownloadTarget = { tenantId: string; key: string; name: string; contentType: string };

export type FileStorage = {
  readonly driver: 'local-disk' | 's3';
  /** Stores the bytes at key, reading at most maxBytes of them: past that, nothing is kept. */
  put(
    key: string,
    body: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
    options: { contentType: string; maxBytes: number },
  ): Promise<PutResult>;
  /** The object's bytes, or null when there is no such object. */
  get(key: string): Promise<ReadableStream<Uint8Array> | null>;
  /** Removes the object; removing one that is not there is not an error. */
  delete(key: string): Promise<void>;
  /** A short-lived link that opens this one object (hand it out only after a membership check). */
  downloadUrl(target: DownloadTarget, options: { expiresInSeconds: number }): Promise<string>;
};
