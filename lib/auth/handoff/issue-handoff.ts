// Step 2, on the root site: the browser is signed in here (or is sent to sign in first); mint a
// single-use token for that one workspace host, valid for a minute, and send the browser back.
import 'server-only';
import { NextResponse } from 'next/server';
import { authDb } from '../../db/auth-db';
import { globalDb } from '../../db/global-db';
import { classifyHost, normalizeHost } from '../../hosts/classify-host';
import { hostOptions } from '../../hosts/host-options';
import { workspaceSlugForHost } from '../../hosts/workspace-slug-for-host';
import { appUrl, originForHost } from '../app-url';
import { findMembership } from '../membership';
import { hashToken, randomToken } from '../random-token';
import { safeNextPath } from '../safe-redirect';
import { cookieCoversHost } from '../session-cookie';
import type { LiveSession } from '../session-store';
import { HANDOFF_TOKEN_TTL_MS, isTokenShaped } from './handoff-state';
import { noStore } from './no-store';

export async function issueHandoff(params: URLSearchParams, session: LiveSession | null): Promise<NextResponse> {
  const host = normalizeHost(params.get('host'));
  const state = params.get('state');
  const next = safeNextPath(params.get('next'));
  if (!host || !isTokenShaped(state) || cookieCoversHost(host)) return badRequest();
  const slug = await workspaceSlugForHost(classifyHost(host, hostOptions()));
  if (!slug) return badRequest();

  if (!session || session.host !== null) {
    const signIn = new URL('/signin', appUrl());
    const self = new URL('/auth/handoff', appUrl());
    self.search = new URLSearchParams({ host, state, next }).toString();
    signIn.searchParams.set('callbackUrl', self.toString());
    return noStore(NextResponse.redirect(signIn, 303));
  }

  // Only a member's session is ever handed to a workspace's host: nobody else has anything to do
  // there, and a session should not travel to a host (a customer's DNS) it has no business on.
  const workspace = await globalDb().tenant.findFirst({ where: { slug }, select: { id: true } });
  if (!workspace || !(await findMembership(workspace.id, session.user.id))) {
    return noStore(new NextResponse('You are not a member of this workspace.', { status: 403 }));
  }
  // A session from another workspace's IdP is good for that workspace only.
  if (session.ssoTenantId && session.ssoTenantId !== workspace.id) {
    return noStore(
      new NextResponse("You signed in through another workspace's single sign-on. Sign out, then sign in here.", {
        status: 403,
      }),
    );
  }

  const token = randomToken();
  await authDb().sessionHandoff.create({
    data: {
      tokenHash: hashToken(token),
      sessionId: session.id,
      host,
      stateHash: hashToken(state),
      expiresAt: new Date(Date.now() + HANDOFF_TOKEN_TTL_MS),
    },
  });
  const accept = new URL('/auth/accept', originForHost(host));
  accept.searchParams.set('token', token);
  accept.searchParams.set('next', next);
  return noStore(NextResponse.redirect(accept, 303));
}

function badRequest(): NextResponse {
  return noStore(new NextResponse('This sign-in link is not valid.', { status: 400 }));
}
