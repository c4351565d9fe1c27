// Workspace host: redeems a handoff token and sets this host's own session cookie.
import type { NextRequest } from 'next/server';
import { NextResponse } from 'next/server';
import { appUrl } from '@/lib/auth/app-url';
import { handoffStateCookieName } from '@/lib/auth/handoff/handoff-state';
import { redeemHandoff } from '@/lib/auth/handoff/redeem-handoff';
import { normalizeHost } from '@/lib/hosts/classify-host';
import { hostWorkspace } from '@/lib/workspaces/host-workspace';

type Context = { params: Promise<{ tenant: string }> };

export async function GET(request: NextRequest, { params }: Context) {
  const host = normalizeHost(request.headers.get('host'));
  const workspace = await hostWorkspace();
  if (!host || workspace?.slug !== (await params).tenant) return new NextResponse(null, { status: 404 });
  return redeemHandoff(
    host,
    request.nextUrl.searchParams,
    request.cookies.get(handoffStateCookieName(appUrl().protocol === 'https:'))?.value,
  );
}
