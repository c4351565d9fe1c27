// Root site: where signing in goes when nothing asked for a page (lib/workspaces/sign-in-landing.ts).
import { NextResponse } from 'next/server';
import { appUrl } from '@/lib/auth/app-url';
import { currentSession } from '@/lib/auth/current-session';
import { signInLandingUrl } from '@/lib/workspaces/sign-in-landing';

export async function GET() {
  const session = await currentSession();
  const target = session ? await signInLandingUrl(session) : new URL('/signin', appUrl()).toString();
  const response = NextResponse.redirect(target, 303);
  response.headers.set('cache-control', 'no-store');
  return response;
}
