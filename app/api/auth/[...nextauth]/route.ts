// next-auth's endpoints (/api/auth/signin, /callback/…, /csrf, …), on the root site only: proxy.ts
// rewrites workspace hosts' paths into /t/<slug>/…, where no such route exists.
import type { NextRequest } from 'next/server';
import NextAuth from 'next-auth';
import { appUrl } from '@/lib/auth/app-url';
import { authOptions } from '@/lib/auth/auth-options';

type Context = { params: Promise<{ nextauth: string[] }> };

function handler(request: NextRequest, context: Context) {
  // next-auth 4 takes its own origin from NEXTAUTH_URL; magic links are built from it, so it comes
  // from APP_URL and never from the request's Host.
  process.env.NEXTAUTH_URL = new URL('/api/auth', appUrl()).toString();
  return NextAuth(request, context, authOptions());
}

export { handler as GET, handler as POST };
