// The checks every passkey endpoint makes before it reads anything: the root site only (passkeys
// belong to the RP ID of the root domain), the browser's Origin exactly ours (no other site, not
// even a workspace subdomain, may drive a ceremony), a small JSON body, and its shape (zod).
import 'server-only';
import { NextResponse } from 'next/server';
import type { z } from 'zod';
import { isSameOrigin } from '../../actions/same-origin';
import { normalizeHost } from '../../hosts/classify-host';
import { readLimitedText } from '../../http/read-limited-text';
import { appUrl } from '../app-url';

const MAX_BODY_BYTES = 64 * 1024;

export type PasskeyRequest<T> = { ok: true; body: T } | { ok: false; response: NextResponse };

export async function readPasskeyRequest<Schema extends z.ZodType>(
  request: Request,
  schema: Schema,
): Promise<PasskeyRequest<z.output<Schema>>> {
  const host = normalizeHost(request.headers.get('host'));
  if (host !== appUrl().hostname) return refuse(404, 'Passkeys are used on the main site only.');
  if (!isSameOrigin(request.headers.get('origin'), host)) return refuse(403, 'Cross-site request refused.');
  const body = await readLimitedText(request, MAX_BODY_BYTES);
  if (!body.ok) return refuse(413, 'Request too large.');
  let json: unknown;
  try {
    json = JSON.parse(body.text || '{}');
  } catch {
    return refuse(400, 'Malformed request.');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) return refuse(400, 'Malformed request.');
  return { ok: true, body: parsed.data };
}

export function passkeyAnswer(body: Record<string, unknown>, status = 200): NextResponse {
  return NextResponse.json(body, { status, headers: { 'cache-control': 'no-store' } });
}

function refuse(status: number, error: string): { ok: false; response: NextResponse } {
  return { ok: false, response: passkeyAnswer({ error }, status) };
}
