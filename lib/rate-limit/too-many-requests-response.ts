// The 429 a workspace request over its limit gets, in the shape its caller reads (by the path the
// client asked for): SCIM's Error for /api/scim/…, application/problem+json (RFC 9457) for other
// /api/… routes, and a small page for everything else. Always with Retry-After. Pure.
import { scimError } from '../scim/scim-response';
import { tenantRequestRefusalMessage } from './tenant-request-refusal-message';

const SCIM_PREFIX = '/api/scim/';
const API_PREFIX = '/api/';

export function tooManyRequestsResponse(pathname: string, retryAfterSeconds: number): Response {
  const detail = tenantRequestRefusalMessage(retryAfterSeconds);
  const response = responseFor(pathname, detail);
  response.headers.set('retry-after', String(retryAfterSeconds));
  response.headers.set('cache-control', 'no-store');
  return response;
}

function responseFor(pathname: string, detail: string): Response {
  if (pathname.startsWith(SCIM_PREFIX)) return scimError(429, detail);
  if (pathname.startsWith(API_PREFIX)) {
    const problem = { type: 'about:blank', title: 'Too Many Requests', status: 429, detail };
    return new Response(JSON.stringify(problem), {
      status: 429,
      headers: { 'content-type': 'application/problem+json' },
    });
  }
  return new Response(page(detail), { status: 429, headers: { 'content-type': 'text/html; charset=utf-8' } });
}

// No layout, no script: rendering the app's own page would spend the work the limit is there to save.
// The app's colours, light or dark as the system is (the theme toggle's choice needs a script).
function page(detail: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light dark"><title>Too many requests</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 36rem; margin: 4rem auto; padding: 0 1.5rem; background: #f8fafc; color: #0f172a }
p.hint { color: #475569 } a { color: inherit }
@media (prefers-color-scheme: dark) { body { background: #020617; color: #f1f5f9 } p.hint { color: #94a3b8 } }
</style></head>
<body>
<h1 style="font-size: 1.5rem">Too many requests</h1>
<p>${detail}</p>
<p class="hint">Wait that long, then <a href="">reload the page</a>.</p>
</body>
</html>`;
}
