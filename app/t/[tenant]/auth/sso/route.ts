// Workspace host: "Sign in with single sign-on". Sign-in itself happens on the root site (where the
// IdP's redirect URI lives); the session comes back to this host the usual way (shared cookie on a
// subdomain, a handoff on a custom domain).
import type { NextRequest } from 'next/server';
import { NextResponse } from 'next/server';
import { appUrl } from '@/lib/auth/app-url';
import { startHandoff } from '@/lib/auth/handoff/start-handoff';
import { normalizeHost } from '@/lib/hosts/classify-host';
import { hostWorkspace } from '@/lib/workspaces/host-workspace';

type Context = { params: Promise<{ tenant: string }> };

export async function GET(request: NextRequest, { params }: Context) {
  const host = normalizeHost(request.headers.get('host'));
  const workspace = await hostWorkspace();
  if (!host || workspace?.slug !== (await params).tenant) return new NextResponse(null, { status: 404 });
  return startHandoff(host, request.nextUrl.searchParams.get('next'), (callbackUrl) => {
    const start = new URL('/signin/sso', appUrl());
    start.search = new URLSearchParams({ workspace: workspace.slug, callbackUrl }).toString();
    return start;
  });
}
