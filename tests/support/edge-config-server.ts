// A real HTTP server on 127.0.0.1 (random free port) that speaks both halves of Edge Config over one
// in-memory store, so tests run the real @vercel/edge-config client and our own REST calls:
//
// READ API, as @vercel/edge-config 1.5.1 calls an "external" store (dist/index.js). The connection
// string `http://127.0.0.1:PORT/ecfg_…?token=T` parses to base URL `http://127.0.0.1:PORT/ecfg_…`
// (its query dropped) and every request carries `Authorization: Bearer T`,
// `x-edge-config-sdk: @vercel/edge-config@1.5.1`, `cache-control: stale-if-error=N` (only when
// staleIfError is on; otherwise Node's fetch sends `cache-control: no-cache` + `pragma: no-cache`
// for the client's cache: 'no-store'), `x-edge-config-vercel-env` (only when VERCEL_ENV is set),
// `x-edge-config-min-updated-at` (only for { consistentRead: true }) and `If-None-Match` once the
// client holds an ETag for that URL.
//   GET  {base}/item/{key}?version=1           get()     200 JSON value | 404 + x-edge-config-digest
//   HEAD {base}/item/{key}?version=1           has()     200 | 404 + x-edge-config-digest
//   GET  {base}/items?version=1[&key=k…]       getAll()  200 object of the keys that exist
//   GET  {base}/digest?version=1               digest()  200 JSON string
// The client reads 404 with x-edge-config-digest as "no such key", 404 without it as "no such
// store" (it throws), 401 as "Unauthorized" (it throws), 304 as "use my cached body", other
// statuses as errors. 200s carry an ETag (a hash of the body) and x-edge-config-digest.
//
// WRITE API, Vercel's REST API: PATCH {apiUrl}/v1/edge-config/{id}/items[?teamId=…] with
// `Authorization: Bearer <apiToken>` and {items:[{operation, key, value?, description?}]} answers
// {status:"ok"}. Errors use Vercel's {error:{code, message}} body.
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { closeServer, listenOnLoopback } from './loopback-server';
import { readRequestBody } from './read-request-body';

export type FakeEdgeConfigWrite = { operation: string; key: string; value?: unknown };
/** One request as the fake saw it (headers lower-cased) and the status it answered. */
export type FakeEdgeConfigRequest = { method: string; url: string; headers: Record<string, string>; status: number };

export type FakeEdgeConfig = {
  /** For createClient(): `http://127.0.0.1:PORT/<edgeConfigId>?token=<read token>`. */
  connectionString: string;
  /** Base URL of the fake Vercel REST API, e.g. http://127.0.0.1:PORT (no trailing slash). */
  apiUrl: string;
  edgeConfigId: string;
  /** Bearer token the write API accepts; the read token is the connection string's `token`. */
  apiToken: string;
  /** A copy of the current store contents. */
  items(): Record<string, unknown>;
  /** Every write operation applied, in order. A rejected batch (4xx) applies nothing and is not listed. */
  writes(): FakeEdgeConfigWrite[];
  /** Every request received (reads, writes, rejected and unknown ones), in order. */
  requests(): FakeEdgeConfigRequest[];
  /**
   * While down, every request is answered 503 (a JSON error), reads and writes alike. A 503 rather
   * than a destroyed socket: the client treats both the same way (an error, or its stale-if-error
   * copy), and a status is deterministic and instant.
   */
  setDown(down: boolean): void;
  close(): Promise<void>;
};

export type FakeEdgeConfigOptions = { items?: Record<string, unknown> };

// Vercel's schema for item keys: ^[\w-]+$, at most 256 characters.
const KEY_PATTERN = /^[\w-]{1,256}$/;
const DESCRIPTION_MAX = 512;
const OPERATIONS = new Set(['create', 'update', 'upsert', 'delete']);
// Far above Edge Config's own store limits (64 KB on Pro); only stops a runaway test.
const MAX_BODY_BYTES = 1_000_000;

type Context = { req: IncomingMessage; res: ServerResponse; log: FakeEdgeConfigRequest; url: URL };
type ParsedWrite = { operation: string; key: string; hasValue: boolean; value: unknown };

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function sha(text: string, algorithm: 'sha1' | 'sha256'): string {
  return createHash(algorithm).update(text).digest('hex');
}

function send(ctx: Context, status: number, body?: unknown, headers: Record<string, string> = {}): void {
  ctx.log.status = status;
  const text = body === undefined ? undefined : JSON.stringify(body);
  ctx.res.writeHead(status, {
    ...(text === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }),
    ...headers,
  });
  // Node drops the body of a HEAD response by itself; headers stay the same as for GET.
  ctx.res.end(text);
}

function sendError(ctx: Context, error: HttpError, headers: Record<string, string> = {}): void {
  send(ctx, error.status, { error: { code: error.code, message: error.message } }, headers);
}

function headerRecord(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed.replace(/^W\//, '') === etag;
  });
}

async function readBody(req: IncomingMessage): Promise<string> {
  const body = await readRequestBody(req, MAX_BODY_BYTES);
  if (body === null) throw new HttpError(413, 'payload_too_large', 'Request body too large');
  return body;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks a PATCH body against Vercel's published schema; any invalid item rejects the whole batch. */
function parseWriteBody(text: string): ParsedWrite[] {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'bad_request', 'Invalid JSON body');
  }
  if (!isRecord(body) || !Array.isArray(body.items)) {
    throw new HttpError(400, 'bad_request', 'Invalid request: missing required property `items`');
  }
  return body.items.map((item: unknown, index): ParsedWrite => {
    const where = `items[${index}]`;
    if (!isRecord(item)) throw new HttpError(400, 'bad_request', `Invalid request: ${where} should be object`);
    const { operation, key, description } = item;
    if (typeof operation !== 'string' || !OPERATIONS.has(operation)) {
      throw new HttpError(
        400,
        'bad_request',
        `Invalid request: ${where}.operation should be one of create, update, upsert, delete`,
      );
    }
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
      throw new HttpError(
        400,
        'bad_request',
        `Invalid request: ${where}.key should match pattern "^[\\w-]+$" (1 to 256 characters)`,
      );
    }
    if (description !== undefined && description !== null) {
      if (typeof description !== 'string' || description.length > DESCRIPTION_MAX) {
        throw new HttpError(
          400,
          'bad_request',
          `Invalid request: ${where}.description should be a string of at most ${DESCRIPTION_MAX} characters`,
        );
      }
    }
    const hasValue = 'value' in item && item.value !== undefined;
    // create needs a value; update/upsert need a value or a description (a description-only edit).
    if (operation === 'create' && !hasValue) {
      throw new HttpError(400, 'bad_request', `Invalid request: ${where} should have required property 'value'`);
    }
    if ((operation === 'update' || operation === 'upsert') && !hasValue && !('description' in item)) {
      throw new HttpError(400, 'bad_request', `Invalid request: ${where} should have required property 'value'`);
    }
    return { operation, key, hasValue, value: item.value };
  });
}

/**
 * Applies a batch to a copy, so a failing operation leaves the store untouched (all or nothing).
 * Not confirmed against the live API, and chosen strict on purpose so code that copes here copes
 * there: create of an existing key → 409, update or delete of a missing key → 404.
 */
function applyBatch(store: Map<string, unknown>, batch: ParsedWrite[]): Map<string, unknown> {
  const next = new Map(store);
  for (const { operation, key, hasValue, value } of batch) {
    const exists = next.has(key);
    if (operation === 'create' && exists) {
      throw new HttpError(409, 'conflict', `Cannot create item "${key}": it already exists`);
    }
    if ((operation === 'update' || operation === 'delete') && !exists) {
      throw new HttpError(404, 'not_found', `Cannot ${operation} item "${key}": it does not exist`);
    }
    if (operation === 'delete') {
      next.delete(key);
    } else if (hasValue) {
      next.set(key, structuredClone(value));
    } else if (!exists) {
      // A description-only upsert cannot create an item without a value.
      throw new HttpError(400, 'bad_request', `Cannot create item "${key}" without a value`);
    }
  }
  return next;
}

export async function startFakeEdgeConfig(options: FakeEdgeConfigOptions = {}): Promise<FakeEdgeConfig> {
  // Fresh id and tokens per fake: the client caches responses per URL + Authorization for the life
  // of the process, so no two fakes must ever share both.
  const edgeConfigId = `ecfg_${randomBytes(12).toString('hex')}`;
  const readToken = randomBytes(16).toString('hex');
  const apiToken = randomBytes(16).toString('hex');

  let store = new Map<string, unknown>(Object.entries(structuredClone(options.items ?? {})));
  let digest = '';
  const refreshDigest = () => {
    const entries = [...store.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    digest = sha(JSON.stringify(entries), 'sha256').slice(0, 32);
  };
  refreshDigest();
  const writes: FakeEdgeConfigWrite[] = [];
  const requests: FakeEdgeConfigRequest[] = [];
  let down = false;

  /** A 200 with ETag and digest, or a 304 when the client already holds this exact body. */
  const sendRead = (ctx: Context, body: unknown) => {
    const etag = `"${sha(JSON.stringify(body), 'sha1')}"`;
    const headers = { etag, 'x-edge-config-digest': digest };
    if (ifNoneMatchHits(ctx.req.headers['if-none-match'], etag)) send(ctx, 304, undefined, headers);
    else send(ctx, 200, body, headers);
  };

  const handleRead = (ctx: Context, storeId: string, rest: string) => {
    // 404 without x-edge-config-digest: the client's "Edge Config not found".
    if (storeId !== edgeConfigId) throw new HttpError(404, 'not_found', 'Edge Config not found');
    if (ctx.req.headers.authorization !== `Bearer ${readToken}`) {
      throw new HttpError(401, 'unauthorized', 'Unauthorized');
    }
    const method = ctx.req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') throw new HttpError(405, 'method_not_allowed', 'Method not allowed');
    if (ctx.url.searchParams.get('version') !== '1') throw new HttpError(400, 'bad_request', 'Unsupported version');

    if (rest.startsWith('item/')) {
      let key: string | undefined;
      try {
        key = decodeURIComponent(rest.slice('item/'.length));
      } catch {
        key = undefined;
      }
      // A key no write could have stored is simply missing, like any other absent key.
      if (key === undefined || !store.has(key)) {
        sendError(ctx, new HttpError(404, 'not_found', 'Item not found'), { 'x-edge-config-digest': digest });
        return;
      }
      sendRead(ctx, store.get(key));
      return;
    }
    if (rest === 'items') {
      const wanted = ctx.url.searchParams.getAll('key');
      const entries =
        wanted.length === 0 ? [...store] : wanted.filter((k) => store.has(k)).map((k) => [k, store.get(k)]);
      sendRead(ctx, Object.fromEntries(entries));
      return;
    }
    if (rest === 'digest') {
      sendRead(ctx, digest);
      return;
    }
    throw new HttpError(404, 'not_found', 'Not found');
  };

  const handleWrite = async (ctx: Context, rawId: string) => {
    if (ctx.req.method !== 'PATCH') throw new HttpError(405, 'method_not_allowed', 'Method not allowed');
    // The brief asks for 401; note the live API may answer 403 {"error":{"code":"forbidden"}} instead.
    if (ctx.req.headers.authorization !== `Bearer ${apiToken}`) {
      throw new HttpError(401, 'unauthorized', 'The request is not authorized.');
    }
    if (decodeURIComponent(rawId) !== edgeConfigId) {
      throw new HttpError(404, 'not_found', 'The Edge Config was not found.');
    }
    const batch = parseWriteBody(await readBody(ctx.req));
    store = applyBatch(store, batch);
    refreshDigest();
    for (const { operation, key, hasValue, value } of batch) {
      writes.push(
        operation !== 'delete' && hasValue ? { operation, key, value: structuredClone(value) } : { operation, key },
      );
    }
    send(ctx, 200, { status: 'ok' });
  };

  const handle = async (ctx: Context) => {
    if (down) throw new HttpError(503, 'service_unavailable', 'The fake Edge Config is down');
    const path = ctx.url.pathname;
    const write = /^\/v1\/edge-config\/([^/]+)\/items$/.exec(path);
    if (write?.[1] !== undefined) return handleWrite(ctx, write[1]);
    if (path.startsWith('/v1/')) throw new HttpError(404, 'not_found', 'Not found');
    const read = /^\/([^/]+)\/(.+)$/.exec(path);
    if (read?.[1] !== undefined && read[2] !== undefined) return handleRead(ctx, read[1], read[2]);
    throw new HttpError(404, 'not_found', 'Not found');
  };

  const server = createServer((req, res) => {
    const log: FakeEdgeConfigRequest = {
      method: req.method ?? '',
      url: req.url ?? '',
      headers: headerRecord(req),
      status: 0,
    };
    requests.push(log);
    const ctx: Context = { req, res, log, url: new URL(req.url ?? '/', 'http://fake.invalid') };
    handle(ctx).catch((error: unknown) => {
      if (res.headersSent) return;
      sendError(ctx, error instanceof HttpError ? error : new HttpError(500, 'internal_server_error', String(error)));
    });
  });

  const port = await listenOnLoopback(server);
  const apiUrl = `http://127.0.0.1:${port}`;

  return {
    connectionString: `${apiUrl}/${edgeConfigId}?token=${readToken}`,
    apiUrl,
    edgeConfigId,
    apiToken,
    items: () => structuredClone(Object.fromEntries(store)),
    writes: () => structuredClone(writes),
    requests: () => structuredClone(requests),
    setDown(value) {
      down = value;
    },
    close: () => closeServer(server),
  };
}
