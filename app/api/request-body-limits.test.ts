// Endpoints anyone can reach read a body only up to a limit: an endless chunked upload (no
// Content-Length to refuse early) gets 413 after a bounded read, never an unbounded buffer.

import { NextRequest } from 'next/server';
import { describe, expect, it, vi } from 'vitest';
import * as nextAuthRoute from './auth/[...nextauth]/route';
import * as acsRoute from './sso/saml/[slug]/acs/route';

vi.mock('next/headers', () => import('../../tests/support/next-request-stub'));

function endlessUpload(url: string, contentType: string) {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled += 1;
      controller.enqueue(new TextEncoder().encode('a'.repeat(64 * 1024)));
    },
  });
  const request = new NextRequest(url, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body,
    duplex: 'half',
  } as ConstructorParameters<typeof NextRequest>[1]);
  return { request, pulled: () => pulled };
}

describe('unauthenticated endpoints bound the body', () => {
  it('SAML ACS: 413 for an endless chunked post, after reading under a megabyte', async () => {
    const upload = endlessUpload('http://localhost/api/sso/saml/acme/acs', 'application/x-www-form-urlencoded');
    const response = await acsRoute.POST(upload.request, { params: Promise.resolve({ slug: 'acme' }) });
    expect(response.status).toBe(413);
    expect(upload.pulled()).toBeLessThan(16);
  });

  it('SAML ACS: a small post goes on to the workspace lookup', async () => {
    const request = new NextRequest('http://localhost/api/sso/saml/nobody/acs', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'SAMLResponse=x',
    });
    const response = await acsRoute.POST(request, { params: Promise.resolve({ slug: 'no-such-workspace' }) });
    expect(response.status).toBe(404);
  });

  it('sign-in (next-auth): 413 for an endless chunked post before next-auth reads it', async () => {
    const upload = endlessUpload('http://localhost/api/auth/callback/password', 'application/x-www-form-urlencoded');
    const response = await nextAuthRoute.POST(upload.request, {
      params: Promise.resolve({ nextauth: ['callback', 'password'] }),
    });
    expect(response.status).toBe(413);
    expect(upload.pulled()).toBeLessThan(4);
  });
});
