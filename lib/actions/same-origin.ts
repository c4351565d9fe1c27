// Every workspace subdomain is same-site with every other, so SameSite cookies do not stop acme's
// pages from posting to globex's actions. What does: the browser's Origin header must be exactly
// the origin of the host the action runs on. A request without one is refused too.
import 'server-only';
import { originForHost } from '../auth/app-url';

export function isSameOrigin(origin: string | null, host: string): boolean {
  return origin !== null && origin === originForHost(host);
}
