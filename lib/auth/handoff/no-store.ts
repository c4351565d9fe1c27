// Handoff responses carry one-time tokens in URLs: never cached, never sent on as a Referer.
import type { NextResponse } from 'next/server';

export function noStore(response: NextResponse): NextResponse {
  response.headers.set('cache-control', 'no-store');
  response.headers.set('referrer-policy', 'no-referrer');
  return response;
}
