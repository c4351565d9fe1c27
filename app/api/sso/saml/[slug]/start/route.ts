// Root site: sends the browser to the workspace's SAML IdP with a request we remember (its answer
// must come back once, within 10 minutes). RelayState carries where to go afterwards; the ACS
// checks it again, so a forged one can only lead to one of our own hosts.
import type { NextRequest } from 'next/server';
import { NextResponse } from 'next/server';
import { noStore } from '@/lib/auth/handoff/no-store';
import { safeCallbackUrl } from '@/lib/auth/safe-redirect';
import { samlConnectionFor } from '@/lib/sso/saml/saml-connection-for';
import { samlSignInUrl } from '@/lib/sso/saml/start-saml-sign-in';

type Context = { params: Promise<{ slug: string }> };

export async function GET(request: NextRequest, { params }: Context) {
  const connection = await samlConnectionFor((await params).slug);
  if (!connection) return new NextResponse('This workspace has no SAML single sign-on.', { status: 404 });
  const callbackUrl = safeCallbackUrl(request.nextUrl.searchParams.get('callbackUrl'));
  return noStore(NextResponse.redirect(await samlSignInUrl(connection, callbackUrl), 303));
}
