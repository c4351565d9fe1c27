// Which part of the product a Host header asks for. Pure: proxy.ts and every server component use
// it, so a request that skipped the proxy still lands on the same decision. Anything doubtful is
// 'invalid' (404), never the marketing site and never another workspace.
import { RESERVED_SUBDOMAINS } from './reserved-subdomains';

export type HostKind =
  | { kind: 'root' }
  | { kind: 'tenant'; slug: string }
  | { kind: 'custom'; host: string }
  | { kind: 'reserved'; label: string }
  | { kind: 'invalid' };

export type HostOptions = {
  /** The domain workspaces live under, lower-case, no port: myapp.com (localhost in development). */
  rootDomain: string;
  /** Accept Vercel preview hosts, acme---my-branch.<project>.vercel.app (vercel/platforms' convention). */
  vercelPreviews?: boolean;
};

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
// Workspace slugs are plain ASCII. A punycode label (xn--…) under our root is a look-alike of one
// (аcme with a Cyrillic а is xn--cme-8cd), and "--" in third and fourth place is reserved for such
// encodings: neither can name a workspace.
const ENCODED_LABEL = /^..--/;
const VERCEL_PREVIEW = /^([a-z0-9-]+)---[a-z0-9-]+\.[a-z0-9-]+\.vercel\.app$/;

/** Lower-case ASCII (punycode), without port and one trailing dot; null when not a valid DNS host name. */
export function normalizeHost(raw: string | null | undefined): string | null {
  if (!raw || raw.length > 260 || /[\s/\\@?#]/.test(raw)) return null;
  let host = raw.toLowerCase();
  const portAt = host.lastIndexOf(':');
  if (portAt !== -1) {
    if (!/^\d{1,5}$/.test(host.slice(portAt + 1))) return null;
    host = host.slice(0, portAt);
  }
  if (host.endsWith('.')) host = host.slice(0, -1);
  host = toAscii(host);
  if (host.length === 0 || host.length > 253) return null;
  return host.split('.').every((label) => LABEL.test(label)) ? host : null;
}

// IDN → punycode, as browsers send it. WHATWG URL does this on every runtime (node:url does not).
function toAscii(host: string): string {
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return '';
  }
}

export function classifyHost(raw: string | null | undefined, options: HostOptions): HostKind {
  const host = normalizeHost(raw);
  if (!host) return { kind: 'invalid' };
  const { rootDomain } = options;
  if (host === rootDomain || host === `www.${rootDomain}`) return { kind: 'root' };
  if (host.endsWith(`.${rootDomain}`)) return subdomain(host.slice(0, -rootDomain.length - 1));
  const preview = options.vercelPreviews ? VERCEL_PREVIEW.exec(host) : null;
  if (preview?.[1]) return subdomain(preview[1]);
  return { kind: 'custom', host };
}

function subdomain(label: string): HostKind {
  if (label.includes('.') || ENCODED_LABEL.test(label)) return { kind: 'invalid' };
  if (RESERVED_SUBDOMAINS.has(label)) return { kind: 'reserved', label };
  return { kind: 'tenant', slug: label };
}
