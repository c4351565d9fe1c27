// A request whose key is refused has no workspace of its own to spend: on a workspace's host it
// spends its network's share of that workspace's plan, as proxy.ts counts any anonymous request
// there (docs/decisions/022), so a flood of bad keys is bounded and cannot lock the workspace's own
// scripts out. On api.<root> no workspace is named, so nothing is counted (see decision 025).
import 'server-only';
import { env } from '../env';
import { clientIpFrom } from '../rate-limit/client-ip';
import { defaultTenantRequestLimit } from '../rate-limit/tenant-request-limit';
import { tenantRequestRefusalMessage } from '../rate-limit/tenant-request-refusal-message';
import type { ApiHost } from './api-host';
import { ApiProblem } from './api-problem';

/** The 429 to answer instead of the refusal, or null. */
export async function limitRefusedKey(request: Request, host: NonNullable<ApiHost>, headers: Headers) {
  if (host.serves !== 'workspace') return null;
  const network = clientIpFrom(request.headers.get('x-forwarded-for'), env().TRUSTED_PROXY_HOPS);
  const verdict = await defaultTenantRequestLimit().hitAnonymous(host.tenantId, network);
  if (!verdict.limited) return null;
  headers.set('retry-after', String(verdict.retryAfterSeconds));
  return new ApiProblem(429, 'rate_limited', tenantRequestRefusalMessage(verdict.retryAfterSeconds));
}
