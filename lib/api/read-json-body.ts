// A JSON request body, read up to 64 KiB (chunked included) and checked by the operation's strict
// zod schema before anything touches the database: past the limit 413, not JSON 400, not the
// schema (unknown fields, wrong types) 422 naming every bad field.
import 'server-only';
import type { z } from 'zod';
import { readLimitedText } from '../http/read-limited-text';
import { ApiProblem } from './api-problem';
import { fieldErrors } from './field-errors';

export const MAX_BODY_BYTES = 64 * 1024;

export async function readJsonText(request: Request): Promise<string> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new ApiProblem(415, 'unsupported_media_type', 'Send the body as application/json.');
  }
  const body = await readLimitedText(request, MAX_BODY_BYTES);
  if (!body.ok) throw new ApiProblem(413, 'body_too_large', `The body is larger than ${MAX_BODY_BYTES} bytes.`);
  return body.text;
}

export function parseJsonBody<T extends z.ZodType>(text: string, schema: T): z.output<T> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ApiProblem(400, 'malformed_json', 'The body is not valid JSON.');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new ApiProblem(422, 'validation_failed', 'The body does not match the schema.', fieldErrors(parsed.error));
  }
  return parsed.data;
}
