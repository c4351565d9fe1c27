// What public DNS says about a custom domain right now: is ownership proven (TXT challenge) and does
// the host point at us (CNAME or A)? The re-check job feeds the answer to nextStatus().
import { Resolver } from 'node:dns/promises';
import { canonicalHostname, challengeRecordName, isApexHostname, type RoutingTarget } from './dns-records';

/** The part of dns.promises.Resolver we use, so tests and callers can pass any resolver. */
export type DomainResolver = {
  resolveTxt(hostname: string): Promise<string[][]>;
  resolveCname(hostname: string): Promise<string[]>;
  resolve4(hostname: string): Promise<string[]>;
};

export type RoutingCheck = { pointsAtUs: true } | { pointsAtUs: false; reason: string };

export type DomainCheck =
  /** TXT proves ownership and the host points at us. publishedTokens: every TXT value there (a
   *  takeover waits while the current holder's token is among them). */
  | { state: 'verified'; publishedTokens: string[] }
  /** TXT missing or wrong. `routing` lets nextStatus keep an already verified domain whose admin removed the TXT. */
  | { state: 'pending'; reason: string; routing: RoutingCheck }
  /** TXT proves ownership but the host does not point at us. */
  | { state: 'misconfigured'; reason: string }
  /** DNS did not answer (timeout, SERVFAIL, refused…): no conclusion, keep the previous status. */
  | { state: 'unknown'; reason: string };

// A definite "no such record". Node reports NXDOMAIN as ENOTFOUND; the raw name is for other resolvers.
const ABSENT_CODES = new Set(['ENOTFOUND', 'ENODATA', 'NXDOMAIN']);

export const DNS_QUERY_TIMEOUT_MS = 2_000;
export const DNS_QUERY_TRIES = 2;

/**
 * A resolver with a bounded wait per query (c-ares defaults to 5 s × 4 tries), so a dead name server
 * yields 'unknown' quickly instead of stalling the re-check job. No servers = the system's.
 */
export function createDomainResolver(
  options: { servers?: string[]; timeoutMs?: number; tries?: number } = {},
): Resolver {
  const resolver = new Resolver({
    timeout: options.timeoutMs ?? DNS_QUERY_TIMEOUT_MS,
    tries: options.tries ?? DNS_QUERY_TRIES,
  });
  if (options.servers) resolver.setServers(options.servers);
  return resolver;
}

export async function checkDomainDns(
  hostname: string,
  token: string,
  target: RoutingTarget,
  resolver: DomainResolver,
): Promise<DomainCheck> {
  const host = canonicalHostname(hostname);
  const [ownership, routing] = await Promise.all([
    checkOwnershipRecord(host, token, resolver),
    checkRouting(host, target, resolver),
  ]);
  if (ownership.state === 'unknown') return ownership;
  if (routing.kind === 'failed') return { state: 'unknown', reason: routing.reason };
  if (ownership.state === 'unproven') return { state: 'pending', reason: ownership.reason, routing: routing.check };
  return routing.check.pointsAtUs
    ? { state: 'verified', publishedTokens: ownership.publishedTokens }
    : { state: 'misconfigured', reason: routing.check.reason };
}

export type OwnershipCheck =
  | { state: 'proven'; publishedTokens: string[] }
  | { state: 'unproven'; reason: string }
  | { state: 'unknown'; reason: string };

/**
 * The TXT half alone: does `_tenantry-challenge.<hostname>` carry this token? Custom domains also
 * need routing; email domains claimed for SSO need only this.
 */
export async function checkOwnershipRecord(
  hostname: string,
  token: string,
  resolver: DomainResolver,
): Promise<OwnershipCheck> {
  const challengeName = challengeRecordName(hostname);
  const txt = await lookup(`TXT ${challengeName}`, () => resolver.resolveTxt(challengeName));
  if (txt.kind === 'failed') return { state: 'unknown', reason: txt.reason };
  // Long TXT values arrive split into 255-byte chunks; a record is the concatenation of its chunks.
  const published = txt.kind === 'found' ? txt.values.map((chunks) => chunks.join('').trim()) : [];
  if (published.includes(token)) return { state: 'proven', publishedTokens: published };
  const reason =
    txt.kind === 'absent'
      ? `No TXT record at ${challengeName}: add one whose value is this domain's verification token.`
      : `The TXT record at ${challengeName} does not contain this domain's verification token.`;
  return { state: 'unproven', reason };
}

type Answer<T> = { kind: 'found'; values: T[] } | { kind: 'absent' } | { kind: 'failed'; reason: string };

async function lookup<T>(question: string, query: () => Promise<T[]>): Promise<Answer<T>> {
  try {
    const values = await query();
    // A CNAME leading out of the zone answers A queries with no address: as absent as ENODATA.
    return values.length > 0 ? { kind: 'found', values } : { kind: 'absent' };
  } catch (error) {
    const code = error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
    if (code && ABSENT_CODES.has(code)) return { kind: 'absent' };
    return { kind: 'failed', reason: `DNS lookup ${question} failed (${code ?? String(error)}); will retry.` };
  }
}

/**
 * A subdomain points at us with a CNAME to our target (one hop: we compare the CNAME itself, not
 * where it leads). Any host, apex or not, also points at us when all its A records are ours: an
 * apex cannot have a CNAME, and some admins prefer A records (or their DNS host flattens the CNAME).
 */
async function checkRouting(
  host: string,
  target: RoutingTarget,
  resolver: DomainResolver,
): Promise<{ kind: 'done'; check: RoutingCheck } | { kind: 'failed'; reason: string }> {
  const ourCname = canonicalHostname(target.cname);
  const apex = isApexHostname(host);
  if (!apex) {
    const cname = await lookup(`CNAME ${host}`, () => resolver.resolveCname(host));
    if (cname.kind === 'failed') return cname;
    if (cname.kind === 'found') {
      const targets = cname.values.map(canonicalHostname);
      if (targets.includes(ourCname)) return { kind: 'done', check: { pointsAtUs: true } };
      return notUs(`${host} is a CNAME to ${targets.join(', ')}, not to ${ourCname}.`);
    }
  }

  const addresses = await lookup(`A ${host}`, () => resolver.resolve4(host));
  if (addresses.kind === 'failed') return addresses;
  const ours = new Set(target.aRecords);
  if (addresses.kind === 'found' && ours.size > 0 && addresses.values.every((address) => ours.has(address))) {
    return { kind: 'done', check: { pointsAtUs: true } };
  }
  const expected = apex ? `A record(s) ${[...ours].join(', ') || '(none configured)'}` : `a CNAME to ${ourCname}`;
  if (addresses.kind === 'absent') return notUs(`${host} has no ${apex ? 'A' : 'CNAME'} record: add ${expected}.`);
  return notUs(`${host} resolves to ${addresses.values.join(', ')}, not to us: it needs ${expected}.`);
}

function notUs(reason: string): { kind: 'done'; check: RoutingCheck } {
  return { kind: 'done', check: { pointsAtUs: false, reason } };
}
