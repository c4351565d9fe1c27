// Our server fetches URLs a workspace owner typed (OIDC discovery, SAML metadata, OIDC token and
// JWKS endpoints at sign-in), and anyone can
// sign up and own a workspace: those URLs must not reach our own network (cloud metadata at
// 169.254.169.254, databases, admin ports). A host is refused when any address it resolves to is
// private, loopback, link-local or otherwise not on the public internet. SSO_ALLOW_HTTP (the e2e
// suite's loopback IdPs) lifts this, as it lifts https.
import 'server-only';
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

const NOT_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv4');
}
// IPv6, including the ranges that carry an IPv4 address inside (NAT64, 6to4, Teredo, IPv4-compatible):
// they would reach 169.254.169.254 or 10.x under another name.
for (const [network, prefix] of [
  ['::', 96],
  ['64:ff9b::', 96],
  ['64:ff9b:1::', 48],
  ['2001::', 32],
  ['2001:db8::', 32],
  ['2002::', 16],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv6');
}

export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  // BlockList matches IPv4-mapped IPv6 (::ffff:10.0.0.1, ::ffff:a00:1) against the IPv4 subnets.
  return !NOT_PUBLIC.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** True when every address the host resolves to is public (false when it does not resolve). */
export async function resolvesToPublicAddresses(hostname: string): Promise<boolean> {
  const bare = hostname.replace(/^\[|\]$/g, '');
  if (isIP(bare)) return isPublicAddress(bare);
  try {
    const addresses = await lookup(bare, { all: true, verbatim: true });
    return addresses.length > 0 && addresses.every(({ address }) => isPublicAddress(address));
  } catch {
    return false;
  }
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A dns.lookup for http(s).request that refuses hosts resolving to a non-public address, so the
 * address checked is the address connected to (no DNS change between check and connection).
 */
export function publicAddressLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const refused = addresses.find(({ address }) => !isPublicAddress(address));
    if (refused || addresses.length === 0) {
      const refusal: NodeJS.ErrnoException = new Error(`${hostname} does not resolve to a public address`);
      refusal.code = 'ENOTFOUND';
      return callback(refusal, []);
    }
    if (options.all) return callback(null, addresses);
    const [first] = addresses;
    return first ? callback(null, first.address, first.family) : callback(null, []);
  });
}
