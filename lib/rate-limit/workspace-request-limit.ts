// proxy.ts's per-workspace rate limit (docs/decisions/022): every request to a workspace's host is
// counted against its plan's requests per minute and their share per second
// (./tenant-request-limit.ts), and one over the limit is answered 429 here, before Next renders
// or runs anything. Server-action calls are counted too but let through: a
// proxy cannot answer one with form state, so tenantAction (lib/actions/tenant-action.ts) refuses
// them with a form error. Only on pages: a route handler (ROUTE_HANDLER_PREFIXES) ignores the
// Next-Action header, so sending one there must not get a request past the limit.
// Whose budget: a request with a session token we minted (its signature checked here, its row
// later by the page) of one of the workspace's members (./member-for-request-budget.ts) spends the
// workspace's; any other spends its network's share within the workspace. An outside review locked
// a workspace's members and SCIM out with 31 anonymous requests a second when every request spent
// the workspace's budget; anyone's account is no better than none here.
import 'server-only';
import type { NextRequest } from 'next/server';
import { sessionCookieName } from '../auth/session-cookie';
import { decodeSessionToken } from '../auth/session-token';
import { env } from '../env';
import { normalizeHost } from '../hosts/classify-host';
import { workspaceIdForSlug } from '../workspaces/workspace-id-for-slug';
import { clientIpFrom } from './client-ip';
import { isMemberForRequestBudget } from './member-for-request-budget';
import { defaultTenantRequestLimit, type TenantRequestVerdict } from './tenant-request-limit';
import { tooManyRequestsResponse } from './too-many-requests-response';

/** Where a workspace's route handlers live (app/t/[tenant]/…); a test holds every route.ts to it. */
export const ROUTE_HANDLER_PREFIXES = ['/api/', '/auth/'] as const;

/** A 429 for a request over its workspace's limit; null to let it through. `pathname` as the client asked. */
export async function limitWorkspaceRequest(request: NextRequest, slug: string): Promise<Response | null> {
  const { pathname } = request.nextUrl;
  try {
    const tenantId = await workspaceIdForSlug(slug);
    if (!tenantId) return null; // no such workspace: the page behind answers 404
    const verdict = await countWorkspaceRequest(request, tenantId);
    if (!verdict.limited || isServerActionCall(request, pathname)) return null;
    return tooManyRequestsResponse(pathname, verdict.retryAfterSeconds);
  } catch (error) {
    // Redis being down does not land here (the counter answers from its in-process copy); the
    // database being down does, and the page behind reports that better than a bare 500 would.
    console.error('[rate-limit] workspace limit not applied:', error);
    return null;
  }
}

/** Counts the request against its workspace's budget, or its network's share when it has no session there. */
export async function countWorkspaceRequest(request: NextRequest, tenantId: string): Promise<TenantRequestVerdict> {
  const limit = defaultTenantRequestLimit();
  const host = normalizeHost(request.headers.get('host')) ?? '';
  const session = await decodeSessionToken(request.cookies.get(sessionCookieName(host))?.value);
  if (session && (await isMemberForRequestBudget(tenantId, session.userId))) return limit.hit(tenantId);
  return limit.hitAnonymous(tenantId, clientIpFrom(request.headers.get('x-forwarded-for'), env().TRUSTED_PROXY_HOPS));
}

function isServerActionCall(request: NextRequest, pathname: string): boolean {
  if (request.method !== 'POST' || !request.headers.has('next-action')) return false;
  // Compared decoded too: /%61pi/… must not pass for a page (a review found it; Next 404s it today).
  const decoded = safelyDecoded(pathname);
  return !ROUTE_HANDLER_PREFIXES.some((prefix) => pathname.startsWith(prefix) || decoded.startsWith(prefix));
}

function safelyDecoded(pathname: string): string {
  try {
    return decodeURIComponent(pathname).toLowerCase();
  } catch {
    return pathname;
  }
}
