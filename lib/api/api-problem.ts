// The v1 API's one error shape (RFC 9457 problem details, application/problem+json): a stable
// `code` scripts can switch on, a `detail` for people, and `errors` naming each bad field. Thrown
// by the frame and the operations; the frame turns it into the response. Never an unexpected
// error's message, a stack or another workspace's id.
export const PROBLEM_CODES = [
  'unauthenticated',
  'api_key_revoked',
  'api_key_expired',
  'api_key_creator_gone',
  'wrong_workspace',
  'insufficient_scope',
  'not_found',
  'method_not_allowed',
  'malformed_json',
  'unsupported_media_type',
  'body_too_large',
  'validation_failed',
  'invalid_query',
  'conflict',
  'plan_limit_reached',
  'invalid_idempotency_key',
  'idempotency_key_reused',
  'idempotency_key_in_use',
  'rate_limited',
  'internal_error',
] as const;

export type ProblemCode = (typeof PROBLEM_CODES)[number];
export type FieldError = { field: string; message: string };

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: ProblemCode,
    detail: string,
    readonly errors?: FieldError[],
  ) {
    super(detail);
  }
}

export function problemResponse(problem: ApiProblem, headers: Headers = new Headers()): Response {
  const body = {
    type: `urn:tenantry:problem:${problem.code}`,
    title: TITLES[problem.status] ?? 'Error',
    status: problem.status,
    code: problem.code,
    detail: problem.message,
    ...(problem.errors ? { errors: problem.errors } : {}),
  };
  const answer = new Headers(headers);
  answer.set('content-type', 'application/problem+json');
  answer.set('cache-control', 'no-store');
  if (problem.status === 401) answer.set('www-authenticate', 'Bearer realm="tenantry"');
  return new Response(JSON.stringify(body), { status: problem.status, headers: answer });
}
