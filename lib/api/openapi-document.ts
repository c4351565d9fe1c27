// The v1 API's OpenAPI 3.1 document, built by zod-openapi from API_OPERATIONS: the very schemas
// the frame checks requests with and answers are parsed by. Each operation documents its success
// and every refusal the frame or the operation can give, all as problem+json.
import { z } from 'zod';
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from 'zod-openapi';
import type { SomeApiOperation } from './api-operation';
import { API_OPERATIONS } from './api-operations';
import { ProblemSchema } from './problem-schema';

const REFUSALS: Record<number, string> = {
  400: 'Malformed JSON, or query parameters that are not valid.',
  401: 'No API key, or one that is unknown, revoked or expired.',
  403: "The key's workspace is not this host's, its scopes do not allow this, or a plan limit.",
  404: 'No such resource in this workspace.',
  409: 'A conflict: a name taken, or a request with the same Idempotency-Key still running.',
  413: 'The body is larger than 64 KiB.',
  415: 'The body is not application/json.',
  422: 'The body does not match the schema, or the Idempotency-Key was used for another request.',
  429: "The workspace is over its plan's requests per minute (see Retry-After).",
  500: 'An unexpected error; the request may be retried.',
};

const RATE_LIMIT_HEADERS = {
  'RateLimit-Limit': { description: "The workspace's requests per minute.", schema: { type: 'integer' } },
  'RateLimit-Remaining': { description: 'Requests left in this minute.', schema: { type: 'integer' } },
  'RateLimit-Reset': { description: 'Seconds until the minute renews.', schema: { type: 'integer' } },
} as const;

const IdempotencyHeader = z.object({
  'idempotency-key': z
    .string()
    .max(255)
    .optional()
    .meta({ description: 'Retry safely: the same key and body within 24 hours gets the same answer.' }),
});

function hasFields(schema: z.ZodType): schema is z.ZodObject {
  return schema instanceof z.ZodObject && Object.keys(schema.shape).length > 0;
}

/** The statuses an operation can refuse with: the frame's for its shape, and its own. */
export function refusalsOf(operation: SomeApiOperation): number[] {
  const statuses = new Set<number>([401, 403, 429, 500, ...(operation.refusals ?? [])]);
  if (hasFields(operation.params)) statuses.add(404);
  if (hasFields(operation.query)) statuses.add(400);
  if (operation.body) for (const status of [400, 413, 415, 422]) statuses.add(status);
  if (operation.method === 'POST') statuses.add(409).add(422);
  return [...statuses].sort((a, b) => a - b);
}

function operationObject(operation: SomeApiOperation): ZodOpenApiOperationObject {
  const { success } = operation;
  const responses: ZodOpenApiOperationObject['responses'] = {
    [success.status]: {
      description: success.description,
      headers: RATE_LIMIT_HEADERS,
      ...(success.schema ? { content: { 'application/json': { schema: success.schema } } } : {}),
    },
  };
  for (const status of refusalsOf(operation)) {
    responses[`${status}` as `${1 | 2 | 3 | 4 | 5}${string}`] = {
      description: REFUSALS[status] ?? 'Refused.',
      content: { 'application/problem+json': { schema: ProblemSchema } },
    };
  }
  return {
    operationId: operation.operationId,
    summary: operation.summary,
    tags: [operation.tag],
    description: `Needs a key with a scope that allows \`${operation.permission}\`.`,
    requestParams: {
      ...(hasFields(operation.params) ? { path: operation.params } : {}),
      ...(hasFields(operation.query) ? { query: operation.query } : {}),
      ...(operation.method === 'POST' ? { header: IdempotencyHeader } : {}),
    },
    ...(operation.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: operation.body } } } }
      : {}),
    responses,
  };
}

function buildDocument() {
  const paths: ZodOpenApiPathsObject = {};
  for (const operation of API_OPERATIONS) {
    paths[operation.path] = { ...paths[operation.path], [operation.method.toLowerCase()]: operationObject(operation) };
  }
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Tenantry API',
      version: '1',
      description:
        'Script your workspace. Send `Authorization: Bearer tny_live_…` (Settings → API keys) to `https://api.<root>` or ' +
        "your workspace's own host: the key decides the workspace. Errors are RFC 9457 problem details with a stable `code`.",
    },
    servers: [{ url: '/', description: 'This host' }],
    security: [{ apiKey: [] }],
    components: {
      securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'A workspace API key, tny_live_…' } },
    },
    paths,
  });
}

let built: ReturnType<typeof createDocument> | undefined;

export function openApiDocument(): ReturnType<typeof createDocument> {
  built ??= buildDocument();
  return built;
}
