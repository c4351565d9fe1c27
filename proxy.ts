// proxy.ts is Next.js 16's middleware (the file formerly called middleware.ts): it runs on Node
// before every matched request. It maps the Host to a part of the product:
//   myapp.com/…        → the marketing site (app/page.tsx …)
//   acme.myapp.com/…   → the workspace, rewritten to /t/acme/… (app/t/[tenant]/…)
//   app.acme-corp.com  → the workspace that verified that domain, the same way
//   anything else      → 404
//   …/v1/…             → the REST API on every host, which checks the host itself (app/v1/…)
// It is a router, not a guard: pages re-derive the workspace from the Host themselves
// (lib/workspaces/current-workspace.ts), so a request that skips this file gains nothing.
// On the way it counts each workspace request against the plan's rate limit (429 when over it).
import { type NextRequest, NextResponse } from 'next/server';
import { classifyHost } from './lib/hosts/classify-host';
import { hostOptions } from './lib/hosts/host-options';
import { routingSlugForHost } from './lib/hosts/workspace-slug-for-host';
import { limitWorkspaceRequest } from './lib/rate-limit/workspace-request-limit';

const INTERNAL_TENANT_PREFIX = '/t/';
const PLATFORM_API_PREFIX = '/api/platform/';
const WEBHOOKS_PREFIX = '/api/webhooks/';
const REST_API_PREFIX = '/v1/';
// Matches no route, so Next answers with app/not-found.tsx and status 404.
const NOT_FOUND_PATH = '/_not-found-by-proxy';

export async function proxy(request: NextRequest) {
  // The Host header, not request.url: under `next start` request.url carries the server's own host.
  const host = classifyHost(request.headers.get('host'), hostOptions());
  const { pathname, search } = request.nextUrl;

  // Platform endpoints (e.g. Caddy's TLS ask) and webhooks (Stripe) answer on any host: their
  // callers use whatever URL they were configured with. They check their callers themselves.
  if (pathname.startsWith(PLATFORM_API_PREFIX) || pathname.startsWith(WEBHOOKS_PREFIX)) return NextResponse.next();
  // The internal tenant path is never addressable from outside, on any host.
  if (pathname === '/t' || pathname.startsWith(INTERNAL_TENANT_PREFIX)) return notFound(request);
  // The v1 REST API (app/v1/…) answers on api.<root> and on the workspaces' hosts alike: its key,
  // not the host, names the workspace. Its route frame (lib/api/api-route.ts) checks the host
  // against the key and counts the request against the key's workspace limit, with the
  // RateLimit-* headers; counting it here too would spend the budget twice.
  if (pathname.startsWith(REST_API_PREFIX)) return NextResponse.next();

  if (host.kind === 'root') return NextResponse.next();
  const slug = await routingSlugForHost(host);
  if (!slug) return notFound(request);
  const tooMany = await limitWorkspaceRequest(request, slug);
  if (tooMany) return tooMany;
  return NextResponse.rewrite(new URL(`${INTERNAL_TENANT_PREFIX}${slug}${pathname}${search}`, request.url));
}

function notFound(request: NextRequest) {
  return NextResponse.rewrite(new URL(NOT_FOUND_PATH, request.url), { status: 404 });
}

// /api/uploads and /v1/ are not matched: Next.js buffers the body of every POST the proxy sees (up
// to 10 MB), and uploads must stream while the API refuses bodies over 64 KiB before reading more
// (both find their workspace from the Host themselves: app/api/uploads/route.ts, lib/api/api-host.ts).
export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|robots.txt|api/uploads|v1/).*)'],
};
