// Fetches a document from an identity provider (OIDC discovery, SAML metadata) with a short timeout
// and a size cap, from public addresses only: an admin's typo or a hostile URL must not hang a
// request, fill memory or probe our own network. (Redirects are refused, so the check holds for
// the one request made; a DNS answer that changes between check and fetch is not covered.)
import 'server-only';
import { env } from '../env';
import { resolvesToPublicAddresses } from './public-address';

const TIMEOUT_MS = 5_000;
const MAX_BYTES = 256 * 1024;

export type FetchedDocument = { ok: true; body: string } | { ok: false; message: string };

export async function fetchIdentityProviderDocument(url: URL, accept: string): Promise<FetchedDocument> {
  if (!env().SSO_ALLOW_HTTP && !(await resolvesToPublicAddresses(url.hostname))) {
    return { ok: false, message: `${url.host} is not a public internet address.` };
  }
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { accept },
      redirect: 'error',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    const reason =
      error instanceof Error && error.name === 'TimeoutError'
        ? 'it did not answer within 5 s'
        : 'it could not be reached';
    return { ok: false, message: `${url.href}: ${reason}.` };
  }
  if (!response.ok) return { ok: false, message: `${url.href} answered HTTP ${response.status}.` };
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > MAX_BYTES) return { ok: false, message: `${url.href} is larger than 256 KB.` };
  const body = await response.text();
  if (Buffer.byteLength(body) > MAX_BYTES) return { ok: false, message: `${url.href} is larger than 256 KB.` };
  return { ok: true, body };
}
