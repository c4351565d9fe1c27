// Root site: the Assertion Consumer Service. The IdP posts its signed response here; node-saml
// checks it (signature, issuer, audience = this workspace, time, InResponseTo = a request of ours),
// the assertion id is spent, the user is provisioned into this workspace only, and a session bound
// to this workspace starts. Every refusal goes back to the sign-in page with a reason; the log
// gets the tenant and the detail.
import type { NextRequest } from 'next/server';
import { NextResponse } from 'next/server';
import { appUrl } from '@/lib/auth/app-url';
import { noStore } from '@/lib/auth/handoff/no-store';
import { safeCallbackUrl } from '@/lib/auth/safe-redirect';
import { startMainSession } from '@/lib/auth/start-session';
import { readLimitedText } from '@/lib/http/read-limited-text';
import { provisionSsoUser } from '@/lib/sso/provision-sso-user';
import { samlConnectionFor } from '@/lib/sso/saml/saml-connection-for';
import { samlProviderId } from '@/lib/sso/saml/saml-endpoints';
import { verifySamlResponse } from '@/lib/sso/saml/verify-saml-response';
import type { SsoRefusalCode } from '@/lib/sso/sso-refusal';
import { workspaceEntryUrl } from '@/lib/workspaces/workspace-url';

type Context = { params: Promise<{ slug: string }> };

const TRANSIENT_NAME_ID = 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient';

// A signed response with a few certificates is tens of kilobytes; anyone can post here.
const MAX_BODY_BYTES = 512 * 1024;

export async function POST(request: NextRequest, { params }: Context) {
  const body = await readLimitedText(request, MAX_BODY_BYTES);
  if (!body.ok) return new NextResponse('The SAML response is too large.', { status: 413 });
  const connection = await samlConnectionFor((await params).slug);
  if (!connection) return new NextResponse('This workspace has no SAML single sign-on.', { status: 404 });
  // The IdP posts an HTML form (application/x-www-form-urlencoded).
  const form = new URLSearchParams(body.text);
  const samlResponse = form.get('SAMLResponse');
  const relayState = form.get('RelayState');
  if (typeof samlResponse !== 'string' || !samlResponse) return refuse('SsoFailed');

  const verified = await verifySamlResponse(connection, samlResponse);
  if (!verified.ok) {
    console.warn(`[sso] tenant=${connection.tenantId} SAML response refused: ${verified.reason}`);
    return refuse('SsoFailed');
  }
  // A transient NameID changes at every sign-in: it identifies no one, so the email (in a verified
  // domain) is the subject then.
  const transient = verified.nameIdFormat === TRANSIENT_NAME_ID;
  const provisioned = await provisionSsoUser(connection.tenantId, {
    provider: samlProviderId(connection.slug),
    subject: transient ? `email:${verified.email}` : verified.nameId,
    email: verified.email,
    name: verified.name,
  });
  if (!provisioned.ok) return refuse(provisioned.code, verified.email);

  await startMainSession(provisioned.userId, connection.tenantId, ['sso']);
  const destination =
    typeof relayState === 'string' && relayState ? safeCallbackUrl(relayState) : workspaceEntryUrl(connection.slug);
  return noStore(NextResponse.redirect(destination, 303));
}

function refuse(code: SsoRefusalCode, email?: string): NextResponse {
  const signIn = new URL('/signin', appUrl());
  signIn.searchParams.set('error', code);
  if (email) signIn.searchParams.set('email', email);
  return noStore(NextResponse.redirect(signIn, 303));
}
