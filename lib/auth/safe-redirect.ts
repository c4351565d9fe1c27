// Where a sign-in or handoff may send the browser next. Anything doubtful (another site, another
// scheme or port, a malformed URL, a protocol-relative path) becomes a safe default, never an error.
import { classifyHost } from '../hosts/classify-host';
import { hostOptions } from '../hosts/host-options';
import { appUrl } from './app-url';

/** An absolute URL on the root site or a workspace subdomain of ours; otherwise the root site. */
export function safeCallbackUrl(raw: string | null | undefined): string {
  const root = appUrl();
  const fallback = `${root.origin}/`;
  if (!raw) return fallback;
  let url: URL;
  try {
    url = new URL(raw, root);
  } catch {
    return fallback;
  }
  if (url.protocol !== root.protocol || url.port !== root.port || url.username || url.password) return fallback;
  const kind = classifyHost(url.host, hostOptions()).kind;
  return kind === 'root' || kind === 'tenant' ? url.toString() : fallback;
}

/** A path on the current host ("/projects/1?tab=x"); anything else becomes "/". */
export function safeNextPath(raw: string | null | undefined): string {
  if (!raw || raw.length > 2000 || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return '/';
  // Control characters and backslashes let some parsers read "/\evil.com" as another host.
  return raw.includes('\\') || hasControlCharacter(raw) ? '/' : raw;
}

function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}
