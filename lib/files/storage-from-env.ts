// The storage this process uses, chosen once by the environment and announced in the log:
// S3_BUCKET set → S3 (or the S3-compatible S3_ENDPOINT); unset → local disk under FILES_DIR, so
// `npm run dev` needs no setup.
import 'server-only';
import { createHash } from 'node:crypto';
import { authSecret } from '../auth/auth-secret';
import { env } from '../env';
import type { FileStorage } from './file-storage';
import { localDiskStorage } from './local-disk-storage';
import { s3Storage } from './s3-storage';

let storage: FileStorage | undefined;

export function fileStorage(): FileStorage {
  storage ??= storageFromEnv();
  return storage;
}

/** The key of the local driver's download links: its own, or one derived from AUTH_SECRET. */
export function fileSigningSecret(): string {
  return (
    env().FILES_SIGNING_SECRET ??
    createHash('sha256').update(`tenantry-file-links\n${authSecret()}`).digest('base64url')
  );
}

function storageFromEnv(): FileStorage {
  const config = env();
  if (!config.S3_BUCKET) {
    console.info(`[files] S3_BUCKET unset: files are stored on local disk under ${config.FILES_DIR}`);
    return localDiskStorage({ directory: config.FILES_DIR, signingSecret: fileSigningSecret() });
  }
  console.info(`[files] files are stored in S3 bucket ${config.S3_BUCKET} at ${config.S3_ENDPOINT ?? 'AWS'}`);
  return s3Storage({
    bucket: config.S3_BUCKET,
    client: {
      region: config.S3_REGION,
      endpoint: config.S3_ENDPOINT,
      forcePathStyle: config.S3_FORCE_PATH_STYLE,
      credentials:
        config.S3_ACCESS_KEY_ID && config.S3_SECRET_ACCESS_KEY
          ? { accessKeyId: config.S3_ACCESS_KEY_ID, secretAccessKey: config.S3_SECRET_ACCESS_KEY }
          : undefined,
    },
  });
}

/** Tests: the next fileStorage() reads the environment again. */
export function forgetFileStorage(): void {
  storage = undefined;
}
