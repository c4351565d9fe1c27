// The client's address, as the key of per-network limits. Pure.
//
// Under `next start` nothing in the App Router sees the socket: Next.js writes the socket's address
// into X-Forwarded-For only when the request has none, and keeps whatever a client sent. So the
// header is trusted exactly as far as the proxies we declare (TRUSTED_PROXY_HOPS): each appends the
// address it saw, and the entry `hops` from the right is the one our outermost proxy saw. With no
// proxy (0) the last entry is the socket's unless the client sent its own header, which then
// chooses its bucket: per-network limits only hold behind a declared proxy, while the per-account
// and per-address limits never depend on this. IPv6 counts per /64 (one customer's block).
import { isIPv4, isIPv6 } from 'node:net';

export const UNKNOWN_CLIENT = 'unknown';

export function clientIpFrom(forwardedFor: string | string[] | null | undefined, trustedHops: number): string {
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '');
  const entries = header
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const entry = entries[entries.length - Math.max(trustedHops, 1)];
  return entry ? networkOf(entry) : UNKNOWN_CLIENT;
}

function networkOf(raw: string): string {
  const address = stripPortAndBrackets(raw);
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped && isIPv4(mapped)) return mapped;
  if (isIPv4(address)) return address;
  if (isIPv6(address)) return `${expandIpv6(address).slice(0, 4).join(':')}::/64`;
  return UNKNOWN_CLIENT;
}

// "[2001:db8::1]:443" → "2001:db8::1"; "203.0.113.7:5555" → "203.0.113.7".
function stripPortAndBrackets(raw: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(raw)?.[1];
  if (bracketed) return bracketed;
  const v4WithPort = /^(\d+\.\d+\.\d+\.\d+):\d+$/.exec(raw)?.[1];
  return v4WithPort ?? raw;
}

function expandIpv6(address: string): string[] {
  const [head = '', tail] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const missing = tail === undefined ? 0 : 8 - left.length - right.length;
  return [...left, ...Array<string>(missing).fill('0'), ...right].map((group) => group.replace(/^0+(?=.)/, ''));
}
