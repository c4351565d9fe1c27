import { describe, expect, it } from 'vitest';
import { readLimitedText } from './read-limited-text';

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
      controller.close();
    },
  });
}

function chunkedRequest(chunks: string[]): Request {
  // No Content-Length: the limit must hold while reading.
  return new Request('http://x.test/', { method: 'POST', body: streamOf(chunks), duplex: 'half' } as RequestInit);
}

describe('readLimitedText', () => {
  it('returns a body within the limit', async () => {
    expect(await readLimitedText(chunkedRequest(['héllo', ' world']), 64)).toEqual({ ok: true, text: 'héllo world' });
  });

  it('refuses a declared Content-Length over the limit before reading', async () => {
    const request = new Request('http://x.test/', { method: 'POST', body: 'x'.repeat(100) });
    expect(await readLimitedText(request, 10)).toEqual({ ok: false, reason: 'too-large' });
  });

  it('stops reading a chunked body once it passes the limit', async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(1024));
      },
    });
    const request = new Request('http://x.test/', { method: 'POST', body: endless, duplex: 'half' } as RequestInit);
    expect(await readLimitedText(request, 10 * 1024)).toEqual({ ok: false, reason: 'too-large' });
    expect(pulled).toBeLessThan(20);
  });

  it('reads an empty body as empty text', async () => {
    expect(await readLimitedText(new Request('http://x.test/', { method: 'POST' }), 10)).toEqual({
      ok: true,
      text: '',
    });
  });
});
