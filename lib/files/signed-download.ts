// The local driver's download links: an HMAC over the tenant, the object's key and the expiry, so
// a link opens one object, on its own workspace's host, for a short while. The route that serves
// them (app/t/[tenant]/files/[fileId]/download) rebuilds the key from the Host's workspace, so a
// link of A's object checked on B's host signs a different key and fails.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Longer than any link we hand out: an expiry further away than this was not ours. */
export const MAX_DOWNLOAD_SECONDS = 15 * 60;

export type SignedDownload = { expires: number; signature: string };

function mac(secret: string, tenantId: string, key: string, expires: number): Buffer {
  return createHmac('sha256', secret).update(`tenantry-file-download:v1\n${tenantId}\n${key}\n${expires}`).digest();
}

export function signDownload(
  secret: string,
  tenantId: string,
  key: string,
  expiresInSeconds: number,
  now = Date.now(),
): SignedDownload {
  const expires = Math.floor(now / 1000) + Math.min(expiresInSeconds, MAX_DOWNLOAD_SECONDS);
  return { expires, signature: mac(secret, tenantId, key, expires).toString('base64url') };
}

export function verifyDownload(
  secret: string,
  tenantId: string,
  key: string,
  params: { expires: string | null; signature: string | null },
  now = Date.now(),
): boolean {
  const expires = Number(params.expires);
  if (!Number.isSafeInteger(expires) || !params.signature) return false;
  const nowSeconds = Math.floor(now / 1000);
  if (expires <= nowSeconds || expires > nowSeconds + MAX_DOWNLOAD_SECONDS) return false;
  const expected = mac(secret, tenantId, key, expires);
  const given = Buffer.from(params.signature, 'base64url');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
