// The frame of every v1 route handler, in order: the Host must have an API (else 404); the bearer
// key decides the workspace and the Host must accept it (401, 403; a refused key spends its
// network's share of the host's workspace, or on api.<root> of its refusals, ./limit-refused-key.ts); the request counts against
// that workspace's plan limit (429, with RateLimit-* headers on every answer) and the key against its
// share of it (./api-key-request-limit.ts); the key's scopes must
// allow the operation (403); path, query and body are checked by the operation's schemas (404,
// 400, 413, 415, 422) before anything is read or written; a POST honours Idempotency-Key. Every
// query runs through tenantDb(key's workspace). An unexpected error is logged with the workspace
// id and answered without its message.
import 'server-only';
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { keyMay } from '../api-keys/api-key-scopes';
import { recordApiKeyUse } from '../api-keys/record-api-key-use';
import { tenantDb } from '../db/tenant-db';
import { defaultTenantRequestLimit } from '../rate-limit/tenant-request-limit';
import { tenantRequestRefusalMessage } from '../rate-limit/tenant-request-refusal-message';
import { apiHost } from './api-host';
import { limitApiKey } from './api-key-request-limit';
import type { ApiOperation } from './api-operation';
import { ApiProblem, problemResponse } from './api-problem';
import { type ApiCaller, authenticateApiRequest } from './authenticate-api-request';
import { fieldErrors } from './field-errors';
import { type StoredAnswer, withIdempotency } from './idempotency';
import { limitRefusedKey, refusedKeysSpent } from './limit-refused-key';
import { parseJsonBody, readJsonText } from './read-json-body';

type RouteContext = { params: Promise<Record<string, string | string[] | undefined> | undefined> };

export function apiRoute<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType>(
  operation: ApiOperation<P, Q, B>,
) {
  return async (request: Request, route: RouteContext): Promise<Response> => {
    let caller: ApiCaller | null = null;
    const headers = new Headers({ 'cache-control': 'no-store' });
    try {
      const host = await apiHost(request.headers.get('host'));
      if (!host) throw new ApiProblem(404, 'not_found', 'There is no API on this host.');
      const spent = await refusedKeysSpent(request, host, headers);
      if (spent) throw spent;
      caller = await authenticateApiRequest(request, host).catch(async (refusal: unknown) => {
        throw (await limitRefusedKey(request, host, headers)) ?? refusal;
      });
      const { verdict, quota } = await defaultTenantRequestLimit().hitWithQuota(caller.tenantId);
      headers.set('ratelimit-limit', String(quota.limit));
      headers.set('ratelimit-remaining', String(quota.remaining));
      headers.set('ratelimit-reset', String(quota.resetSeconds));
      if (verdict.limited) {
        headers.set('retry-after', String(verdict.retryAfterSeconds));
        throw new ApiProblem(429, 'rate_limited', tenantRequestRefusalMessage(verdict.retryAfterSeconds));
      }
      const keyWait = await limitApiKey(caller.tenantId, caller.keyId);
      if (keyWait !== null) {
        headers.set('retry-after', String(keyWait));
        throw new ApiProblem(
          429,
          'rate_limited',
          `This API key is making too many requests (it may use half of the workspace's); try again in ${keyWait} seconds.`,
        );
      }
      if (!keyMay(caller.scopes, operation.permission)) {
        throw new ApiProblem(
          403,
          'insufficient_scope',
          `This API key has no scope that allows ${operation.permission}.`,
        );
      }
      // A route without dynamic segments may get no params at all.
      const params = operation.params.safeParse((await route.params) ?? {});
      if (!params.success) throw new ApiProblem(404, 'not_found', 'No such resource in this workspace.');
      const url = new URL(request.url);
      const query = operation.query.safeParse(Object.fromEntries(url.searchParams));
      if (!query.success) {
        throw new ApiProblem(400, 'invalid_query', 'The query parameters are not valid.', fieldErrors(query.error));
      }
      // An operation without a body schema reads no body; its handler's body is undefined.
      const body: z.output<B> = operation.body
        ? parseJsonBody(await readJsonText(request), operation.body)
        : (undefined as z.output<B>);

      const { tenantId, keyId } = caller;
      const db = tenantDb(tenantId);
      const context = { db, tenantId, keyId, actor: { id: null, email: `api-key:${keyId}` } };
      recordApiKeyUse(tenantId, keyId).catch((error) =>
        console.error(`[api] last use of a key of ${tenantId} not recorded`, error),
      );

      const run = async (): Promise<StoredAnswer> => {
        const result = await operation.handle({ params: params.data, query: query.data, body, context });
        const { status, schema } = operation.success;
        if (!schema) return { status, body: null };
        return { status, body: JSON.stringify(schema.parse(result)) };
      };
      const answer =
        operation.method === 'POST'
          ? await withIdempotency(
              db,
              request.headers.get('idempotency-key'),
              fingerprint(request, url, body, keyId),
              run,
            )
          : { ...(await run()), replayed: false };
      if (answer.replayed) headers.set('idempotent-replayed', 'true');
      if (answer.body !== null) headers.set('content-type', 'application/json');
      return new Response(answer.body, { status: answer.status, headers });
    } catch (error) {
      if (error instanceof ApiProblem) return problemResponse(error, headers);
      console.error(`[api] ${operation.operationId} failed for tenant ${caller?.tenantId ?? 'none'}:`, error);
      return problemResponse(new ApiProblem(500, 'internal_error', 'The request could not be processed.'), headers);
    }
  };
}

/** The same request is the same key, method, path and (parsed) body: whitespace and key order do not
 *  count. The key is part of it, so one key's stored answer is never replayed to another key. */
function fingerprint(request: Request, url: URL, body: unknown, keyId: string): string {
  return createHash('sha256')
    .update(`${keyId} ${request.method} ${url.pathname}\n${JSON.stringify(body ?? null)}`)
    .digest('hex');
}
