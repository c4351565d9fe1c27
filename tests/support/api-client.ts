// Calls the v1 API's route handlers as a script would: a real Request with a Host and a bearer key,
// through the real frame and database. No next/headers: the frame reads only the Request.
import { randomUUID } from 'node:crypto';
import type { ApiKeyScope } from '../../lib/api-keys/api-key-scopes';
import { createApiKey } from '../../lib/api-keys/create-api-key';
import { authDb } from '../../lib/db/auth-db';
import { tenantDb } from '../../lib/db/tenant-db';

export type ApiHandler = (
  request: Request,
  context: { params: Promise<Record<string, string | string[] | undefined> | undefined> },
) => Promise<Response>;

export type ApiCall = {
  key: string | null;
  host: string;
  path?: string;
  params?: Record<string, string>;
  body?: unknown;
  headers?: Record<string, string>;
};

export type ApiAnswer = { status: number; headers: Headers; json: Record<string, unknown> | null; text: string };

export async function callApi(handler: ApiHandler, method: string, call: ApiCall): Promise<ApiAnswer> {
  const body =
    call.body === undefined ? undefined : typeof call.body === 'string' ? call.body : JSON.stringify(call.body);
  const headers: Record<string, string> = {
    host: call.host,
    ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
  };
  if (call.key) headers.authorization = `Bearer ${call.key}`;
  const response = await handler(
    new Request(`http://${call.host}${call.path ?? '/v1/x'}`, {
      method,
      headers: { ...headers, ...call.headers },
      body,
    }),
    // As Next calls a route without dynamic segments: no params.
    { params: Promise.resolve(call.params) },
  );
  const text = await response.text();
  const json = text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : null;
  return { status: response.status, headers: response.headers, json, text };
}

const creators = new Map<string, { id: string; email: string }>();

/** The admin of the workspace who makes its test keys (a key works while its creator is an admin). */
export async function apiKeyCreator(tenantId: string): Promise<{ id: string; email: string }> {
  const known = creators.get(tenantId);
  if (known) return known;
  const user = await authDb().user.create({ data: { email: `api-admin-${randomUUID()}@example.test` } });
  await tenantDb(tenantId).membership.create({ data: { userId: user.id, role: 'admin' } });
  const creator = { id: user.id, email: user.email };
  creators.set(tenantId, creator);
  return creator;
}

/** A key of the workspace with these scopes, made as an admin would on Settings → API keys. */
export async function apiKeyFor(
  tenantId: string,
  scopes: readonly ApiKeyScope[],
  expiresAt: Date | null = null,
): Promise<{ id: string; secret: string }> {
  const creator = await apiKeyCreator(tenantId);
  return createApiKey(tenantDb(tenantId), creator, { name: `key-${randomUUID().slice(0, 6)}`, scopes, expiresAt });
}

export const ALL_SCOPES: readonly ApiKeyScope[] = [
  'projects:read',
  'projects:write',
  'tasks:read',
  'tasks:write',
  'members:read',
];
