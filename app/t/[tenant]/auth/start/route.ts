// Workspace host: begins signing in on a host the main session cookie does not cover.
import type { NextRequest } from 'next/server';
import { NextResponse } from 'next/server';
import { startHandoff } from '@/lib/auth/handoff/start-handoff';
import { normalizeHost } from '@/lib/hosts/classify-host';
import { hostWorkspace } from '@/lib/workspaces/host-workspace';

type Context = { params: Promise<{ tenant: string }> };

export async function GET(request: NextRequest, { params }: Context) {
  const host = normalizeHost(request.headers.get('host'));
  const workspace = await hostWorkspace();
  if (!host || workspace?.slug !== (await params).tenant) return new NextResponse(null, { status: 404 });
  return startHandoff(host, request.nextUrl.searchParams.get('next'));
}
