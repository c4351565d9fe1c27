// next-auth's endpoints (/api/auth/signin, /callback/…, /csrf, …), on the root site only: proxy.ts
// rewrites workspace hosts' paths into /t/<slug>/…, where no such route exists.
import { NextRequest } from 'next/server';
import NextAuth from 'next-auth';
import { appUrl } from '@/lib/auth/app-url';
import { authOptions } from '@/lib/auth/auth-options';
import { readLimitedText } from '@/lib/http/read-limited-text';
import { oidcSignInContext } from '@/lib/sso/oidc-sign-in-provider';

type Context = { params: Promise<{ nextauth: string[] }> };

// next-auth's forms (credentials, an email address, a CSRF token) are well under a kilobyte; next-auth
// would read whatever arrives, so the body is read here first, up to this.
const MAX_BODY_BYTES = 16 * 1024;

async function handler(request: NextRequest, context: Context) {
  // next-auth 4 takes its own origin from NEXTAUTH_URL; magic links are built from it, so it comes
  // from APP_URL and never from the request's Host.
  process.env.NEXTAUTH_URL = new URL('/api/auth', appUrl()).toString();
  // /signin/sso-<slug> and /callback/sso-<slug>: that workspace's OIDC provider joins the list for
  // this request only (providers are per workspace, so they cannot be a static list).
  const [action, providerId] = (await context.params).nextauth;
  const sso = (action === 'signin' || action === 'callback') && providerId ? await oidcSignInContext(providerId) : null;
  return NextAuth(request, context, authOptions(sso ?? undefined));
}

async function post(request: NextRequest, context: Context) {
  const body = await readLimitedText(request, MAX_BODY_BYTES);
  if (!body.ok) return new Response('The request body is too large.', { status: 413 });
  const bounded = new NextRequest(request.url, { method: 'POST', headers: request.headers, body: body.text });
  return handler(bounded, context);
}

export { handler as GET, post as POST };
