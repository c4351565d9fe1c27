// The body of a request to one of the test fakes, as text; null when it exceeds maxBytes. The
// request is drained either way, so the client sees the fake's answer rather than a reset.
import type { IncomingMessage } from 'node:http';

export async function readRequestBody(req: IncomingMessage, maxBytes: number): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size <= maxBytes) chunks.push(buffer);
  }
  return size > maxBytes ? null : Buffer.concat(chunks).toString('utf8');
}
