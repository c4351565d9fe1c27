// One operation of the v1 API: its method and path, the scope-table permission it needs, the zod
// schemas of its path parameters, query and body, the schema of its answer, and its handler. The
// route files serve it through apiRoute() and the OpenAPI document is built from the same objects,
// so the document cannot describe other schemas than the handlers check.
import type { z } from 'zod';
import type { ApiPermission } from '../api-keys/api-key-scopes';
import type { TenantDb } from '../db/tenant-db';

export type ApiContext = {
  db: TenantDb;
  tenantId: string;
  keyId: string;
  /** How the audit log names a change made through this key (no member acted). */
  actor: { id: null; email: string };
};

export type ApiOperation<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> = {
  operationId: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** As OpenAPI writes it: /v1/projects/{id}. */
  path: string;
  summary: string;
  tag: string;
  permission: ApiPermission;
  params: P;
  query: Q;
  body: B | null;
  success: { status: 200 | 201 | 204; description: string; schema: z.ZodType | null };
  /** Refusals of its own beyond the frame's (e.g. 409 conflict), for the document. */
  refusals?: readonly (404 | 409 | 403)[];
  handle(input: { params: z.output<P>; query: z.output<Q>; body: z.output<B>; context: ApiContext }): Promise<unknown>;
};

export function defineOperation<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType>(
  operation: ApiOperation<P, Q, B>,
): ApiOperation<P, Q, B> {
  return operation;
}

/** Any operation, as the list for the document holds them (handle is a method, so this widens). */
export type SomeApiOperation = ApiOperation<z.ZodType, z.ZodType, z.ZodType>;
