// A SCIM request body, parsed and validated before anything touches the database. Read through
// readLimitedText, so a chunked body with no Content-Length is cut off at the limit too: past it
// 413; not JSON or not the schema → 400.
import 'server-only';
import type { z } from 'zod';
import { readLimitedText } from '../http/read-limited-text';
import { ScimFailure } from './scim-failure';

const MAX_BODY_BYTES = 256 * 1024;

export async function readScimBody<T extends z.ZodType>(request: Request, schema: T): Promise<z.output<T>> {
  const body = await readLimitedText(request, MAX_BODY_BYTES);
  if (!body.ok) throw new ScimFailure(413, `The request body is larger than ${MAX_BODY_BYTES} bytes.`);
  let json: unknown;
  try {
    json = JSON.parse(body.text);
  } catch {
    throw new ScimFailure(400, 'The request body is not JSON.', 'invalidSyntax');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') || 'body';
    throw new ScimFailure(400, `Invalid value at ${where}.`, 'invalidValue');
  }
  return parsed.data;
}
