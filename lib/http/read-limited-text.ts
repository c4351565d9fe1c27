// An unauthenticated request's body, read only up to a limit. `request.text()` would buffer whatever
// a client sends (a chunked body has no Content-Length to refuse early), so endpoints anyone can
// reach (SCIM, the Stripe webhook, SAML's ACS, sign-in) read through this and answer 413 past it.
export type LimitedText = { ok: true; text: string } | { ok: false; reason: 'too-large' };

export async function readLimitedText(request: Request, maxBytes: number): Promise<LimitedText> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > maxBytes) return { ok: false, reason: 'too-large' };
  if (!request.body) return { ok: true, text: '' };

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel();
      return { ok: false, reason: 'too-large' };
    }
    chunks.push(value);
  }
  return { ok: true, text: Buffer.concat(chunks).toString('utf8') };
}
