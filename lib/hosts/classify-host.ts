// Which part of the product a Host header asks for. Pure: the proxy and every server component use
// it, so a request that skipped the proxy still lands on the same decision.
import { RESERVED_SUBDOMAINS } from './reserved-subdomains';

export type HostKind =
  | { kind: 'root' }
  | { kind: 'tenant'; slug: string }
  | { kind: 'custom'; host: string }
  | { kind: 'reserved'; label: string }
  | { kind: 'invalid' };

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** Lower-case, without port and one trailing dot; null when it is not a valid DNS host name. */
export function normalizeHost(raw: string | null | undefined): string | null {
  if (!raw || raw.length > 260) return null;
  let host = raw.trim().toLowerCase();
  const portAt = host.lastIndexOf(':');
  if (portAt !== -1) {
    if (!/^\d{1,5}$/.test(host.slice(portAt + 1))) return null;
    host = host.slice(0, portAt);
  }
  if (host.endsWith('.')) host = host.slice(0, -1);
  if (host.length === 0 || host.length > 253) return null;
  return host.split('.').every((label) => LABEL.test(label)) ? host : null;
}

export function classifyHost(raw: string | null | undefined, rootDomain: string): HostKind {
  const host = normalizeHost(raw);
  if (!host) return { kind: 'invalid' };
  if (host === rootDomain || host === `www.${rootDomain}`) return { kind: 'root' };
  if (host.endsWith(`.${rootDomain}`)) {
    const label = host.slice(0, -rootDomain.length - 1);
    if (label.includes('.')) return { kind: 'invalid' };
    if (RESERVED_SUBDOMAINS.has(label)) return { kind: 'reserved', label };
    return { kind: 'tenant', slug: label };
  }
  return { kind: 'custom', host };
}
