// The OpenAPI document: valid OpenAPI 3.1 (a real validator), one route handler for every
// documented operation and one documented operation for every v1 route handler, and every
// operation answering as documented when called through its handler: its success status with a
// body that matches the document's schema (read back from the document's JSON Schema, not the
// handler's zod), and its refusals as the documented Problem.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { dereference, validate } from '@readme/openapi-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as docsRoute from '../../app/v1/docs/route';
import * as documentRoute from '../../app/v1/openapi.json/route';
import { ALL_SCOPES, type ApiHandler, apiKeyFor, callApi } from '../../tests/support/api-client';
import { createTenant } from '../../tests/support/tenants';
import { tenantDb } from '../db/tenant-db';
import { API_OPERATIONS } from './api-operations';
import { openApiDocument, refusalsOf } from './openapi-document';

const V1 = path.resolve(import.meta.dirname, '../../app/v1');
const METHODS = ['GET', 'POST', 'PATCH', 'DELETE', 'PUT'] as const;
type JsonSchema = Parameters<typeof z.fromJSONSchema>[0];
type Responses = Record<string, { content?: Record<string, { schema: JsonSchema }> }>;
type Dereferenced = { paths: Record<string, Record<string, { responses: Responses }>> };

const routeFileOf = (openApiPath: string) =>
  path.join(
    V1,
    ...openApiPath
      .replace(/^\/v1\//, '')
      .split('/')
      .map((part) => part.replace(/^\{(\w+)\}$/, '[$1]')),
    'route.ts',
  );

async function handlerOf(openApiPath: string, method: string): Promise<ApiHandler | undefined> {
  const route: Record<string, ApiHandler | undefined> = await import(routeFileOf(openApiPath));
  return route[method];
}

let document: Dereferenced;
let tenant: { id: string; slug: string };
let key: string;
let host: string;

beforeAll(async () => {
  document = (await dereference(structuredClone(openApiDocument()) as never)) as unknown as Dereferenced;
  tenant = await createTenant('documented', { plan: 'pro' });
  key = (await apiKeyFor(tenant.id, ALL_SCOPES)).secret;
  host = `${tenant.slug}.localhost:3000`;
});

function schemaFor(openApiPath: string, method: string, status: number, type: string): z.ZodType {
  const response = document.paths[openApiPath]?.[method.toLowerCase()]?.responses[String(status)];
  const schema = response?.content?.[type]?.schema;
  if (!schema) throw new Error(`${method} ${openApiPath} documents no ${type} body for ${status}`);
  return z.fromJSONSchema(schema);
}

/** A request each operation should answer with its success, on fresh rows of the workspace. */
async function validCall({ operationId, path: openApiPath }: { operationId: string; path: string }) {
  const db = tenantDb(tenant.id);
  const project = await db.project.create({ data: { name: `p-${crypto.randomUUID()}` } });
  const task = await db.task.create({ data: { projectId: project.id, title: 't' } });
  const bodies: Record<string, unknown> = {
    createProject: { name: `new-${crypto.randomUUID()}` },
    updateProject: { name: `renamed-${crypto.randomUUID()}` },
    createTask: { title: 'A task', status: 'doing' },
    updateTask: { status: 'done' },
  };
  const id = openApiPath.startsWith('/v1/tasks/') ? task.id : project.id;
  const params: Record<string, string> = openApiPath.includes('{id}') ? { id } : {};
  return { params, body: bodies[operationId] };
}

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1', async () => {
    const result = await validate(structuredClone(openApiDocument()) as never);
    expect(result.valid, result.valid ? '' : JSON.stringify(result.errors, null, 2)).toBe(true);
    expect(openApiDocument().openapi).toBe('3.1.0');
  });

  it('documents every v1 route handler, and every documented operation has one', async () => {
    const documented = new Set(API_OPERATIONS.map((operation) => `${operation.method} ${routeFileOf(operation.path)}`));
    const served = new Set<string>();
    for (const file of readdirSync(V1, { recursive: true, encoding: 'utf8' }).filter(
      (f) => path.basename(f) === 'route.ts',
    )) {
      const full = path.join(V1, file);
      if (/openapi\.json|docs/.test(file)) continue;
      const route: Record<string, unknown> = await import(full);
      for (const method of METHODS) if (route[method]) served.add(`${method} ${full}`);
    }
    expect([...served].sort()).toEqual([...documented].sort());
  });

  it('is served at /v1/openapi.json, and its reference page at /v1/docs, where the API is', async () => {
    const on = (host: string) => new Request(`http://${host}/v1/openapi.json`, { headers: { host } });
    const served = await documentRoute.GET(on('api.localhost:3000'));
    expect(await served.json()).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
    const page = await docsRoute.GET(on(host));
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('/v1/openapi.json');
    expect((await documentRoute.GET(on('localhost:3000'))).status).toBe(404);
    expect((await docsRoute.GET(on('unknown-workspace-x.localhost'))).status).toBe(404);
  });
});

describe.each(API_OPERATIONS.map((operation) => [`${operation.method} ${operation.path}`, operation] as const))(
  '%s answers as documented',
  (_, operation) => {
    it(`its success: ${operation.success.status}, in the documented shape`, async () => {
      const handler = await handlerOf(operation.path, operation.method);
      if (!handler) throw new Error('no handler');
      const call = await validCall(operation);
      const answer = await callApi(handler, operation.method, { key, host, ...call });
      expect(answer.status, answer.text).toBe(operation.success.status);
      expect(answer.headers.get('ratelimit-limit')).toMatch(/^\d+$/);
      if (operation.success.schema) {
        const schema = schemaFor(operation.path, operation.method, operation.success.status, 'application/json');
        expect(schema.safeParse(answer.json).success, answer.text).toBe(true);
      } else {
        expect(answer.text).toBe('');
      }
    });

    it('its refusals: documented statuses, each a Problem', async () => {
      const handler = await handlerOf(operation.path, operation.method);
      if (!handler) throw new Error('no handler');
      const call = await validCall(operation);
      const refusals = [
        await callApi(handler, operation.method, { key: null, host, ...call }),
        await callApi(handler, operation.method, {
          key,
          host: 'api.localhost',
          ...call,
          params: operation.path.includes('{id}') ? { id: crypto.randomUUID() } : {},
        }),
        ...(operation.body
          ? [await callApi(handler, operation.method, { key, host, ...call, body: { unknown: 1 } })]
          : []),
      ];
      for (const refusal of refusals) {
        if (refusal.status < 400) continue; // an operation without an id succeeds on api.<root>
        expect(refusalsOf(operation), refusal.text).toContain(refusal.status);
        const schema = schemaFor(operation.path, operation.method, refusal.status, 'application/problem+json');
        expect(schema.safeParse(refusal.json).success, refusal.text).toBe(true);
      }
      expect(refusals[0]?.status).toBe(401);
    });
  },
);
