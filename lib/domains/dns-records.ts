// The DNS records a tenant admin must create for a custom domain, as data: the settings page lists
// them and the DNS check looks for exactly these. Pure.

/** Ownership proof lives under this label, never at the host itself, so it cannot clash with CNAME rules. */
export const CHALLENGE_LABEL = '_tenantry-challenge';

export type RoutingTarget = {
  /** Host name subdomains must CNAME to, e.g. cname.myapp.com. */
  cname: string;
  /** Our IPv4 addresses, for apex domains, which cannot carry a CNAME. */
  aRecords: readonly string[];
};

export type RequiredRecord = { type: 'TXT' | 'CNAME' | 'A'; name: string; value: string };

/** Lower-case, without the trailing dot DNS answers and some admins write. */
export function canonicalHostname(hostname: string): string {
  return hostname.trim().toLowerCase().replace(/\.$/, '');
}

export function challengeRecordName(hostname: string): string {
  return `${CHALLENGE_LABEL}.${canonicalHostname(hostname)}`;
}

/**
 * Apex = exactly two labels (acme-corp.com). Good enough without a public-suffix list, but wrong for
 * multi-part suffixes: acme.co.uk is an apex we would call a subdomain (and ask for a CNAME the
 * registrar may refuse). The DNS check accepts our A records on any host, so such a tenant can still
 * use them; switch to the Public Suffix List if that shows up in practice.
 */
export function isApexHostname(hostname: string): boolean {
  return canonicalHostname(hostname).split('.').length === 2;
}

/**
 * TXT first (ownership), then routing: A records for an apex, one CNAME otherwise. With no A
 * records configured an apex gets no routing record: callers should refuse apex domains then.
 */
export function requiredRecords(hostname: string, token: string, target: RoutingTarget): RequiredRecord[] {
  const name = canonicalHostname(hostname);
  const ownership: RequiredRecord = { type: 'TXT', name: challengeRecordName(name), value: token };
  if (isApexHostname(name)) {
    return [ownership, ...target.aRecords.map((address): RequiredRecord => ({ type: 'A', name, value: address }))];
  }
  return [ownership, { type: 'CNAME', name, value: canonicalHostname(target.cname) }];
}
