// Root site: mints a one-time handoff for a workspace host the session cookie cannot reach.
import type { NextRequest } from 'next/server';
import { currentSession } from '@/lib/auth/current-session';
import { issueHandoff } from '@/lib/auth/handoff/issue-handoff';

export async function GET(request: NextRequest) {
  return issueHandoff(request.nextUrl.searchParams, await currentSession());
}
