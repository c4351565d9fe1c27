// A SCIM request body, parsed and validated before anything touches the database: too large,
// not JSON or not the schema → 400.
import 'server-only';
import type { z } from 'zod';
import { ScimFailure } from './scim-failure';

const MAX_BODY_CHARACTERS = 256 * 1024;

export async function readScimBody<T extends z.ZodType>(request: Request, schema: T): Promise<z.output<T>> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > MAX_BODY_CHARACTERS) throw new ScimFailure(400, 'The request body is too large.', 'invalidSyntax');
  const text = await request.text();
  if (text.length > MAX_BODY_CHARACTERS) throw new ScimFailure(400, 'The request body is too large.', 'invalidSyntax');
  let json: unknown;
  try {
    json = JSON.parse(text);
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
