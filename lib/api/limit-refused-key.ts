// A request whose key is refused has no workspace of its own to spend. On a workspace's host it
// spends its network's share of that workspace's plan, as proxy.ts counts any anonymous request
// there (docs/decisions/022), so a flood of bad keys is bounded and cannot lock the workspace's own
// scripts out. On api.<root> no workspace is named: there a network may have REFUSED_KEYS_PER_MINUTE
// refusals a minute. Either way, once a network's share is spent its requests are answered 429
// before any key is looked up, so a flood of guesses costs no database work (decision 025).
import 'server-only';
import { env } from '../env';
import { clientIpFrom } from '../rate-limit/client-ip';
import { defaultTenantRequestLimit } from '../rate-limit/tenant-request-limit';
import { tenantRequestRefusalMessage } from '../rate-limit/tenant-request-refusal-message';
import { type WindowCounter, windowCounter } from '../rate-limit/window-counter';
import type { ApiHost } from './api-host';
import { ApiProblem } from './api-problem';

/** Refused keys one network may send to api.<root> in a minute: far above a script's typo loop. */
export const REFUSED_KEYS_PER_MINUTE = 60;

let refusedOnApiHost: WindowCounter | undefined;
const refusals = () => {
  refusedOnApiHost ??= windowCounter('api-refused-keys:network', 60);
  return refusedOnApiHost;
};

const networkOf = (request: Request) => clientIpFrom(request.headers.get('x-forwarded-for'), env().TRUSTED_PROXY_HOPS);

function tooMany(msLeft: number, headers: Headers): ApiProblem {
  const seconds = Math.max(1, Math.ceil(msLeft / 1000));
  headers.set('retry-after', String(seconds));
  return new ApiProblem(
    429,
    'rate_limited',
    `Too many refused API keys from your network; try again in ${seconds} seconds.`,
  );
}

/** Before the key is looked up: the 429 for a network that has spent its share of refusals, or null. */
export async function refusedKeysSpent(request: Request, host: NonNullable<ApiHost>, headers: Headers) {
  if (host.serves === 'any-workspace') {
    const spent = await refusals().peek(networkOf(request));
    return spent.count >= REFUSED_KEYS_PER_MINUTE ? tooMany(spent.msLeft, headers) : null;
  }
  const verdict = await defaultTenantRequestLimit().checkAnonymous(host.tenantId, networkOf(request));
  if (!verdict.limited) return null;
  headers.set('retry-after', String(verdict.retryAfterSeconds));
  return new ApiProblem(429, 'rate_limited', tenantRequestRefusalMessage(verdict.retryAfterSeconds));
}

/** After the key was refused: the 429 to answer instead of the refusal, or null. */
export async function limitRefusedKey(request: Request, host: NonNullable<ApiHost>, headers: Headers) {
  if (host.serves === 'any-workspace') {
    const spent = await refusals().hit(networkOf(request));
    return spent.count > REFUSED_KEYS_PER_MINUTE ? tooMany(spent.msLeft, headers) : null;
  }
  const verdict = await defaultTenantRequestLimit().hitAnonymous(host.tenantId, networkOf(request));
  if (!verdict.limited) return null;
  headers.set('retry-after', String(verdict.retryAfterSeconds));
  return new ApiProblem(429, 'rate_limited', tenantRequestRefusalMessage(verdict.retryAfterSeconds));
}
