// A small Stripe-compatible API on 127.0.0.1 (random free port) for the real `stripe` client:
// `new Stripe(key, { host: '127.0.0.1', port, protocol: 'http' })`, or `fake.client()`. The live
// API is unreachable from CI and stripe-mock is not available, so this is the test double.
//
// Wire format, as stripe 23.1.0 sends it (esm/utils.js, esm/RequestSender.js): POST bodies are
// form-encoded with nested keys (`line_items[0][price]=…`, `metadata[tenantId]=…`); GET and DELETE
// carry the same encoding in the query string; every v1 POST carries an `Idempotency-Key` the
// client generated (even with maxNetworkRetries: 0), and `Stripe-Version: 2026-10-28.endive`.
// Answers are JSON objects shaped like API version 2026-10-28 (typed against the client's own
// Stripe.* types); errors are `{ error: { type, message, code?, param? } }` with the status the
// client maps to its error classes (400/404 invalid request, 401 authentication, 503 api error).
//
//   POST /v1/customers, GET|POST /v1/customers/:id, POST /v1/products, GET /v1/products/:id
//   POST /v1/prices, GET /v1/prices (lookup_keys[], active, product, type, currency), GET /v1/prices/:id
//   POST /v1/checkout/sessions (mode=subscription only), GET /v1/checkout/sessions/:id, POST …/:id/expire
//   POST /v1/billing_portal/sessions
//   GET|POST /v1/subscriptions, GET|POST|DELETE /v1/subscriptions/:id
//   POST /v1/billing/meter_events
// Hosted pages for the browser (no API key, unaffected by setDown): GET /checkout/:id shows a "Pay"
// button (id="pay") whose POST completes the session and 303s to success_url; GET /portal/:id links
// back to return_url.
//
// Deliberate simplifications: payment always succeeds (move state with setSubscriptionStatus);
// no invoices, proration or renewals; parameters the fake does not model are accepted and ignored
// (they still show in requests()); `expand` replaces ids the fake knows with their objects. Meter
// events are only checked for shape and a duplicate identifier, because Stripe itself reports
// unknown customers and bad values asynchronously, not in the response.
//
// Events: every state change the fake makes records the Event Stripe would send (events()); with a
// `webhook` endpoint they are also POSTed to it, signed, one at a time (flushWebhooks() awaits them).
//
// Latency (option `latencyMs` or setLatency): each /v1 answer is computed when the request arrives
// and sent that many ms later, as over a network: a change made meanwhile is not in it. A function
// picks the delay per request (e.g. only one customer's subscription list is slow).
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import Stripe from 'stripe';
import { closeServer, listenOnLoopback } from './loopback-server';
import { readRequestBody } from './read-request-body';

/** A parsed form-encoded value: `a[0][b]=x` → `{ a: [{ b: 'x' }] }`. */
export type FormValue = string | FormValue[] | FormParams;
export type FormParams = { [key: string]: FormValue };

/** One API or hosted-page request as the fake saw it, with the status it answered. */
export type StripeFakeRequest = {
  method: string;
  path: string;
  query: FormParams;
  body: FormParams;
  status: number;
  idempotencyKey: string | null;
  stripeVersion: string | null;
};

export type StripeFakeWebhook = { url: string; secret: string };
export type StripeFakeDelivery = { eventId: string; type: string; status: number; error?: string };
export type FakeSubscriptionStatus =
  | 'active'
  | 'trialing'
  | 'past_due'
  | 'unpaid'
  | 'canceled'
  | 'incomplete'
  | 'incomplete_expired'
  | 'paused';

type EventType = Stripe.Event['type'];
export type StripeEventOf<T extends EventType> = Extract<Stripe.Event, { type: T }>;
type EventOptions<T extends EventType> = {
  previousAttributes?: StripeEventOf<T>['data']['previous_attributes'];
  request?: Stripe.Event.Request;
};
type ClientConfig = Omit<Stripe.StripeConfig, 'host' | 'port' | 'protocol'>;

export type StripeFake = {
  /** Base URL, e.g. http://127.0.0.1:PORT (no trailing slash); hosted pages live under it. */
  url: string;
  host: string;
  port: number;
  secretKey: string;
  /** A real stripe client aimed at the fake; maxNetworkRetries 0 unless overridden. */
  client(config?: ClientConfig): Stripe;
  stop(): Promise<void>;
  /** Creates objects through the same code (and checks) as the API, without a request. */
  seedCustomer(params?: Stripe.CustomerCreateParams): Stripe.Customer;
  seedPrice(params: Stripe.PriceCreateParams): Stripe.Price;
  /** What paying on the hosted page does: creates the subscription and completes the session. */
  completeCheckout(
    sessionId: string,
    options?: { email?: string },
  ): { session: Stripe.Checkout.Session; subscription: Stripe.Subscription };
  setSubscriptionStatus(id: string, status: FakeSubscriptionStatus): Stripe.Subscription;
  changeSubscriptionPrice(id: string, priceId: string): Stripe.Subscription;
  customer(id: string): Stripe.Customer;
  subscription(id: string): Stripe.Subscription;
  subscriptions(): Stripe.Subscription[];
  checkoutSession(id: string): Stripe.Checkout.Session;
  meterEvents(): Stripe.Billing.MeterEvent[];
  makeEvent<T extends EventType>(
    type: T,
    object: StripeEventOf<T>['data']['object'],
    options?: EventOptions<T>,
  ): StripeEventOf<T>;
  signedDelivery(
    event: Stripe.Event,
    webhookSecret: string,
    options?: { timestamp?: number },
  ): { payload: string; signature: string };
  /** Events the fake emitted for its own state changes, oldest first. */
  events(): Stripe.Event[];
  setWebhook(endpoint: StripeFakeWebhook | null): void;
  deliveries(): StripeFakeDelivery[];
  flushWebhooks(): Promise<void>;
  /** While down, every /v1 request answers 503 api_error (hosted pages stay up). */
  setDown(down: boolean): void;
  /** Delays every /v1 answer (computed on arrival) by this many ms; 0 by default. */
  setLatency(latency: StripeFakeLatency): void;
  requests(): StripeFakeRequest[];
  /** Moves the fake's clock (created, periods, the meter-event duplicate window), not Date.now(). */
  advanceTime(seconds: number): void;
};

/** Milliseconds, or per request (as logged so far: method, path, query, body). */
export type StripeFakeLatency = number | ((request: StripeFakeRequest) => number);
export type StripeFakeOptions = { secretKey?: string; webhook?: StripeFakeWebhook; latencyMs?: StripeFakeLatency };

type ErrorBody = { type: string; message: string; code?: string; param?: string };

class StripeFakeError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
  ) {
    super(body.message);
  }
}

const invalid = (message: string, extra: { code?: string; param?: string } = {}) =>
  new StripeFakeError(400, { type: 'invalid_request_error', message, ...extra });
const missing = (param: string) => invalid(`Missing required param: ${param}.`, { code: 'parameter_missing', param });
const noSuch = (kind: string, id: string, param = 'id') =>
  new StripeFakeError(param === 'id' ? 404 : 400, {
    type: 'invalid_request_error',
    code: 'resource_missing',
    message: `No such ${kind}: '${id}'`,
    param,
  });

const ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const randomId = (prefix: string, length = 24) =>
  prefix + Array.from(randomBytes(length), (byte) => ALPHABET.charAt(byte % ALPHABET.length)).join('');
const DAY = 86_400;
const FORBIDDEN_KEYS = new Set(['__proto__', 'prototype', 'constructor']);
const MAX_BODY_BYTES = 1_000_000;

// JSON round trip: what a client receives over the wire (Decimal fields become strings).
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const isParams = (value: FormValue | undefined): value is FormParams =>
  typeof value === 'object' && !Array.isArray(value);

// ---- form encoding ---------------------------------------------------------------------------

/** Parses Stripe's form encoding; objects keyed 0..n-1 become arrays, `a[]=x` appends. */
export function parseForm(text: string): FormParams {
  const root: FormParams = {};
  for (const pair of text.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const key = decode(eq === -1 ? pair : pair.slice(0, eq));
    const value = decode(eq === -1 ? '' : pair.slice(eq + 1));
    const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(key);
    if (!match?.[1]) throw invalid(`Invalid parameter name: ${key}`);
    const path = [match[1], ...[...(match[2] ?? '').matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1] ?? '')];
    if (path.some((segment) => FORBIDDEN_KEYS.has(segment))) throw invalid(`Invalid parameter name: ${key}`);
    assign(root, path, value, key);
  }
  return arraysFromIndexes(root) as FormParams;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    throw invalid('Invalid URL encoding in request');
  }
}

function assign(root: FormParams, path: string[], value: string, key: string): void {
  let node = root;
  for (const [index, raw] of path.entries()) {
    const segment = raw === '' ? String(Object.keys(node).length) : raw;
    if (index === path.length - 1) {
      if (Object.hasOwn(node, segment) && typeof node[segment] !== 'string') throw invalid(`Invalid value for ${key}`);
      node[segment] = value;
      return;
    }
    const next = Object.hasOwn(node, segment) ? node[segment] : undefined;
    if (next === undefined) {
      const child: FormParams = {};
      node[segment] = child;
      node = child;
    } else if (isParams(next)) {
      node = next;
    } else {
      throw invalid(`Invalid value for ${key}`);
    }
  }
}

function arraysFromIndexes(value: FormValue): FormValue {
  if (typeof value === 'string' || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  const converted = Object.fromEntries(keys.map((k) => [k, arraysFromIndexes(value[k] ?? '')]));
  if (keys.length > 0 && keys.every((k, i) => k === String(i))) return keys.map((k) => converted[k] ?? '');
  return converted;
}

/** The client's encoding of a params object, already parsed: for seeds that reuse the API code. */
function toForm(value: unknown): FormValue {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return String(Math.floor(value.getTime() / 1000));
  if (Array.isArray(value)) return value.map(toForm);
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return Object.fromEntries(entries.map(([k, v]) => [k, toForm(v)]));
  }
  return String(value); // numbers, booleans, Decimal
}

// ---- parameter readers, with Stripe's error messages --------------------------------------------

function readString(params: FormParams, name: string, label = name): string | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw invalid(`Invalid string: ${JSON.stringify(value)}`, { param: label });
  return value;
}

function readInt(params: FormParams, name: string, label = name): number | undefined {
  const value = readString(params, name, label);
  if (value === undefined || value === '') return undefined;
  if (!/^-?\d+$/.test(value))
    throw invalid(`Invalid integer: ${value}`, { code: 'parameter_invalid_integer', param: label });
  return Number(value);
}

function readBool(params: FormParams, name: string, label = name): boolean | undefined {
  const value = readString(params, name, label);
  if (value === undefined) return undefined;
  if (value !== 'true' && value !== 'false') throw invalid(`Invalid boolean: ${value}`, { param: label });
  return value === 'true';
}

function readObject(params: FormParams, name: string, label = name): FormParams | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  if (value === '') return {};
  if (!isParams(value)) throw invalid(`Invalid object`, { param: label });
  return value;
}

function readList(params: FormParams, name: string, label = name): FormValue[] | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  if (value === '') return [];
  if (Array.isArray(value)) return value;
  // Sparse indexes (items[1] without items[0]) stay an object; Stripe reads them in index order.
  const keys = Object.keys(value);
  if (typeof value === 'string' || !keys.every((k) => /^\d+$/.test(k)))
    throw invalid('Invalid array', { param: label });
  return keys.sort((a, b) => Number(a) - Number(b)).map((k) => value[k] ?? '');
}

function readEnum<T extends string>(
  params: FormParams,
  name: string,
  allowed: readonly T[],
  label = name,
): T | undefined {
  const value = readString(params, name, label);
  if (value === undefined) return undefined;
  const found = allowed.find((option) => option === value);
  if (!found) throw invalid(`Invalid ${label}: must be one of ${allowed.join(', ')}`, { param: label });
  return found;
}

/** Metadata merges like Stripe's: a key set to '' is removed, `metadata=''` clears every key. */
function readMetadata(params: FormParams, name = 'metadata', current: Stripe.Metadata = {}): Stripe.Metadata {
  const value = params[name];
  if (value === undefined) return { ...current };
  if (value === '') return {};
  if (typeof value === 'string') throw invalid('Invalid object', { param: name });
  const next = { ...current };
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry !== 'string')
      throw invalid(`Invalid value for ${name}[${key}]: must be a string`, { param: name });
    if (key.length > 40) throw invalid(`Metadata keys can have at most 40 characters: ${key}`, { param: name });
    if (entry.length > 500) throw invalid(`Metadata values can have at most 500 characters`, { param: name });
    if (entry === '') delete next[key];
    else next[key] = entry;
  }
  if (Object.keys(next).length > 50) throw invalid('Metadata can have at most 50 keys', { param: name });
  return next;
}

function addInterval(start: number, interval: string, count: number): number {
  if (interval === 'day') return start + DAY * count;
  if (interval === 'week') return start + 7 * DAY * count;
  // Month arithmetic clamps to the month's last day (Jan 31 + 1 month = Feb 28/29), as Stripe does.
  const from = new Date(start * 1000);
  const months = from.getUTCMonth() + (interval === 'year' ? 12 * count : count);
  const lastDay = new Date(Date.UTC(from.getUTCFullYear(), months + 1, 0)).getUTCDate();
  const to = Date.UTC(
    from.getUTCFullYear(),
    months,
    Math.min(from.getUTCDate(), lastDay),
    from.getUTCHours(),
    from.getUTCMinutes(),
    from.getUTCSeconds(),
  );
  return Math.floor(to / 1000);
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
}

// ---- the fake ----------------------------------------------------------------------------------

type ApiRequest = { params: FormParams; id: string; request: Stripe.Event.Request };
type Route = [method: string, pattern: RegExp, handler: (req: ApiRequest) => object];
type LineItem = { price: string; quantity: number | undefined };
type CheckoutExtras = {
  lineItems: LineItem[];
  subscriptionMetadata: Stripe.Metadata;
  trialEnd: number | null;
  trialDays: number | null;
  description: string | null;
};
type ItemInput = { price: Stripe.Price; quantity: number | undefined; metadata: Stripe.Metadata };
type Stored = { method: string; path: string; body: string; status: number; json: string };

export async function startStripeFake(options: StripeFakeOptions = {}): Promise<StripeFake> {
  const secretKey = options.secretKey ?? randomId('sk_test_', 32);
  let webhook = options.webhook ?? null;
  let down = false;
  let latency: StripeFakeLatency = options.latencyMs ?? 0;
  let clockOffset = 0;
  const now = () => Math.floor(Date.now() / 1000) + clockOffset;

  const customers = new Map<string, Stripe.Customer>();
  const products = new Map<string, Stripe.Product>();
  const prices = new Map<string, Stripe.Price>();
  const sessions = new Map<string, Stripe.Checkout.Session>();
  const checkoutExtras = new Map<string, CheckoutExtras>();
  const portalSessions = new Map<string, Stripe.BillingPortal.Session>();
  const subscriptions = new Map<string, Stripe.Subscription>();
  const meterEvents: Stripe.Billing.MeterEvent[] = [];
  const events: Stripe.Event[] = [];
  const deliveries: StripeFakeDelivery[] = [];
  const requests: StripeFakeRequest[] = [];
  const idempotent = new Map<string, Stored>();
  const portalConfiguration = randomId('bpc_');
  let webhookQueue = Promise.resolve();
  let base = '';

  const AUTOMATIC: Stripe.Event.Request = { id: null, idempotency_key: null };

  const find = <T>(map: Map<string, T>, kind: string, id: string, param = 'id'): T => {
    const found = map.get(id);
    if (!found) throw noSuch(kind, id, param);
    return found;
  };

  // ---- events and webhooks ----

  function makeEvent<T extends EventType>(
    type: T,
    object: StripeEventOf<T>['data']['object'],
    eventOptions: EventOptions<T> = {},
  ): StripeEventOf<T> {
    const data = {
      object: copy(object),
      ...(eventOptions.previousAttributes ? { previous_attributes: copy(eventOptions.previousAttributes) } : {}),
    };
    const event = {
      id: randomId('evt_'),
      object: 'event',
      api_version: Stripe.API_VERSION,
      created: now(),
      data,
      livemode: false,
      pending_webhooks: 1,
      request: eventOptions.request ?? { ...AUTOMATIC },
      type,
    };
    // The union member for T cannot be checked generically; the fields above are EventBase's.
    return event as unknown as StripeEventOf<T>;
  }

  function signedDelivery(event: Stripe.Event, secret: string, delivery: { timestamp?: number } = {}) {
    // Stripe sends the event pretty-printed; the signature covers these exact bytes.
    const payload = JSON.stringify(event, null, 2);
    const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp: delivery.timestamp });
    return { payload, signature };
  }

  async function deliver(endpoint: StripeFakeWebhook, event: Stripe.Event): Promise<void> {
    const { payload, signature } = signedDelivery(event, endpoint.secret);
    try {
      const response = await fetch(endpoint.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'stripe-signature': signature,
          'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
        },
        body: payload,
        signal: AbortSignal.timeout(10_000),
      });
      await response.arrayBuffer();
      deliveries.push({ eventId: event.id, type: event.type, status: response.status });
    } catch (error) {
      deliveries.push({ eventId: event.id, type: event.type, status: 0, error: String(error) });
    }
  }

  function emit<T extends EventType>(
    type: T,
    object: StripeEventOf<T>['data']['object'],
    eventOptions: EventOptions<T> = {},
  ): void {
    const event = makeEvent(type, object, eventOptions);
    events.push(event);
    const endpoint = webhook;
    if (endpoint) webhookQueue = webhookQueue.then(() => deliver(endpoint, event));
  }

  /** Top-level fields whose value changed, with their old values: Stripe's previous_attributes. */
  function changed<T extends object>(before: T, after: T): Partial<T> {
    const previous: Partial<T> = {};
    for (const key of Object.keys(after) as (keyof T)[]) {
      if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) previous[key] = copy(before[key]);
    }
    return previous;
  }

  // ---- customers and products ----

  function createCustomer({ params, request }: ApiRequest): Stripe.Customer {
    const customer: Stripe.Customer = {
      id: randomId('cus_', 14),
      object: 'customer',
      address: null,
      balance: 0,
      created: now(),
      currency: null,
      default_source: null,
      delinquent: false,
      description: readString(params, 'description') ?? null,
      discount: null,
      email: readString(params, 'email') ?? null,
      invoice_prefix: randomId('', 8).toUpperCase(),
      invoice_settings: { custom_fields: null, default_payment_method: null, footer: null, rendering_options: null },
      livemode: false,
      metadata: readMetadata(params),
      name: readString(params, 'name') ?? null,
      next_invoice_sequence: 1,
      phone: readString(params, 'phone') ?? null,
      preferred_locales: [],
      shipping: null,
      tax_exempt: 'none',
      test_clock: null,
    };
    customers.set(customer.id, customer);
    emit('customer.created', customer, { request });
    return customer;
  }

  function updateCustomer({ params, id, request }: ApiRequest): Stripe.Customer {
    const customer = find(customers, 'customer', id);
    const before = copy(customer);
    const email = readString(params, 'email');
    const name = readString(params, 'name');
    const description = readString(params, 'description');
    if (email !== undefined) customer.email = email || null;
    if (name !== undefined) customer.name = name || null;
    if (description !== undefined) customer.description = description || null;
    customer.metadata = readMetadata(params, 'metadata', customer.metadata);
    emit('customer.updated', customer, { request, previousAttributes: changed(before, customer) });
    return customer;
  }

  function createProduct(params: FormParams, label: string): Stripe.Product {
    const name = readString(params, 'name', `${label}[name]`);
    if (!name) throw missing(label === 'product' ? 'name' : `${label}[name]`);
    const created = now();
    const product: Stripe.Product = {
      id: randomId('prod_', 14),
      object: 'product',
      active: readBool(params, 'active') ?? true,
      created,
      default_price: null,
      description: readString(params, 'description') ?? null,
      images: [],
      livemode: false,
      marketing_features: [],
      metadata: readMetadata(params),
      name,
      package_dimensions: null,
      shippable: null,
      statement_descriptor: null,
      tax_code: null,
      tax_details: null,
      type: 'service',
      unit_label: null,
      updated: created,
      url: null,
    };
    products.set(product.id, product);
    return product;
  }

  // ---- prices ----

  function createPrice({ params }: ApiRequest): Stripe.Price {
    const currency = readString(params, 'currency')?.toLowerCase();
    if (!currency) throw missing('currency');
    if (!/^[a-z]{3}$/.test(currency)) throw invalid(`Invalid currency: ${currency}`, { param: 'currency' });
    const unitAmount = readInt(params, 'unit_amount');
    if (unitAmount === undefined) throw missing('unit_amount');
    if (unitAmount < 0) throw invalid('This value must be greater than or equal to 0.', { param: 'unit_amount' });

    const productId = readString(params, 'product');
    const productData = readObject(params, 'product_data');
    if (productId && productData) throw invalid('You may only specify one of these parameters: product, product_data.');
    let product: string;
    if (productId) product = find(products, 'product', productId, 'product').id;
    else if (productData) product = createProduct(productData, 'product_data').id;
    else throw missing('product');

    const recurringParams = readObject(params, 'recurring');
    let recurring: Stripe.Price.Recurring | null = null;
    if (recurringParams) {
      const interval = readEnum(
        recurringParams,
        'interval',
        ['day', 'week', 'month', 'year'] as const,
        'recurring[interval]',
      );
      if (!interval) throw missing('recurring[interval]');
      recurring = {
        interval,
        interval_count: readInt(recurringParams, 'interval_count', 'recurring[interval_count]') ?? 1,
        meter: readString(recurringParams, 'meter', 'recurring[meter]') ?? null,
        trial_period_days: null,
        usage_type:
          readEnum(recurringParams, 'usage_type', ['licensed', 'metered'] as const, 'recurring[usage_type]') ??
          'licensed',
      };
    }

    const lookupKey = readString(params, 'lookup_key') || null;
    if (lookupKey) {
      const holder = [...prices.values()].find((price) => price.lookup_key === lookupKey);
      if (holder && !readBool(params, 'transfer_lookup_key')) {
        throw invalid(`A price (\`${holder.id}\`) already uses that lookup key.`, { param: 'lookup_key' });
      }
      if (holder) holder.lookup_key = null;
    }

    const price: Stripe.Price = {
      id: randomId('price_'),
      object: 'price',
      active: readBool(params, 'active') ?? true,
      billing_scheme: 'per_unit',
      created: now(),
      currency,
      custom_unit_amount: null,
      livemode: false,
      lookup_key: lookupKey,
      metadata: readMetadata(params),
      nickname: readString(params, 'nickname') ?? null,
      product,
      recurring,
      tax_behavior: 'unspecified',
      tiers_mode: null,
      transform_quantity: null,
      type: recurring ? 'recurring' : 'one_time',
      unit_amount: unitAmount,
      unit_amount_decimal: Stripe.Decimal.from(String(unitAmount)),
    };
    prices.set(price.id, price);
    return price;
  }

  function listPrices({ params }: ApiRequest): Stripe.ApiList<Stripe.Price> {
    const lookupKeys = readList(params, 'lookup_keys')?.map(String);
    const active = readBool(params, 'active');
    const product = readString(params, 'product');
    const type = readString(params, 'type');
    const currency = readString(params, 'currency');
    const matching = [...prices.values()].filter(
      (price) =>
        (!lookupKeys || (price.lookup_key !== null && lookupKeys.includes(price.lookup_key))) &&
        (active === undefined || price.active === active) &&
        (!product || price.product === product) &&
        (!type || price.type === type) &&
        (!currency || price.currency === currency),
    );
    return list(matching, params, '/v1/prices', 'price');
  }

  /** Newest first, limit 1..100 (default 10), starting_after / ending_before cursors. */
  function list<T extends { id?: string }>(all: T[], params: FormParams, url: string, kind: string): Stripe.ApiList<T> {
    const limit = readInt(params, 'limit') ?? 10;
    if (limit < 1 || limit > 100) throw invalid('This value must be between 1 and 100.', { param: 'limit' });
    const newestFirst = [...all].reverse();
    const cursorIndex = (param: string) => {
      const cursor = readString(params, param);
      if (cursor === undefined) return undefined;
      const index = newestFirst.findIndex((item) => item.id === cursor);
      if (index === -1) throw noSuch(kind, cursor, param);
      return index;
    };
    const after = cursorIndex('starting_after');
    const before = cursorIndex('ending_before');
    let data: T[];
    let hasMore: boolean;
    if (before !== undefined) {
      const preceding = newestFirst.slice(0, before);
      data = preceding.slice(-limit);
      hasMore = preceding.length > limit;
    } else {
      const rest = newestFirst.slice(after === undefined ? 0 : after + 1);
      data = rest.slice(0, limit);
      hasMore = rest.length > limit;
    }
    return { object: 'list', data, has_more: hasMore, url };
  }

  // ---- subscriptions ----

  function readItems(raw: FormValue[], label: string): ItemInput[] {
    return raw.map((entry, index) => {
      const where = `${label}[${index}]`;
      if (!isParams(entry)) throw invalid('Invalid object', { param: where });
      const priceId = readString(entry, 'price', `${where}[price]`);
      if (!priceId) {
        if (entry.price_data) throw invalid(`The fake does not support ${where}[price_data]; pass a price id.`);
        throw missing(`${where}[price]`);
      }
      return {
        price: recurringPrice(priceId, `${where}[price]`),
        quantity: readInt(entry, 'quantity', `${where}[quantity]`),
        metadata: readMetadata(entry, 'metadata'),
      };
    });
  }

  function recurringPrice(id: string, param: string): Stripe.Price {
    const price = find(prices, 'price', id, param);
    if (price.type !== 'recurring') {
      throw invalid(
        `The price specified is set to \`type=${price.type}\` but this field only accepts prices with \`type=recurring\`.`,
        { param },
      );
    }
    return price;
  }

  function planOf(price: Stripe.Price): Stripe.Plan {
    const recurring = price.recurring ?? { interval: 'month', interval_count: 1, meter: null, usage_type: 'licensed' };
    return {
      id: price.id,
      object: 'plan',
      active: price.active,
      amount: price.unit_amount,
      amount_decimal: price.unit_amount_decimal,
      billing_scheme: price.billing_scheme,
      created: price.created,
      currency: price.currency,
      interval: recurring.interval,
      interval_count: recurring.interval_count,
      livemode: false,
      metadata: price.metadata,
      meter: recurring.meter,
      nickname: price.nickname,
      product: price.product,
      tiers_mode: null,
      transform_usage: null,
      trial_period_days: null,
      usage_type: recurring.usage_type,
    };
  }

  function periodEnd(start: number, price: Stripe.Price): number {
    return addInterval(start, price.recurring?.interval ?? 'month', price.recurring?.interval_count ?? 1);
  }

  function makeItem(subscription: string, input: ItemInput, start: number, end: number): Stripe.SubscriptionItem {
    return {
      id: randomId('si_', 14),
      object: 'subscription_item',
      billing_thresholds: null,
      created: now(),
      current_period_end: end,
      current_period_start: start,
      current_trial: null,
      discounts: [],
      metadata: input.metadata,
      plan: planOf(input.price),
      price: input.price,
      // Metered prices have no quantity; licensed ones default to 1.
      ...(input.price.recurring?.usage_type === 'metered' ? {} : { quantity: input.quantity ?? 1 }),
      subscription,
      tax_rates: [],
    };
  }

  function buildSubscription(input: {
    customer: string;
    items: ItemInput[];
    trialEnd: number | null;
    metadata: Stripe.Metadata;
    description: string | null;
  }): Stripe.Subscription {
    const first = input.items[0];
    if (!first) throw missing('items');
    const currency = first.price.currency;
    if (input.items.some((item) => item.price.currency !== currency)) {
      throw invalid('All prices on a subscription must have the same currency.', { param: 'items' });
    }
    const priceIds = input.items.map((item) => item.price.id);
    if (new Set(priceIds).size !== priceIds.length) {
      throw invalid('Cannot add multiple subscription items with the same price.', { param: 'items' });
    }
    const start = now();
    const trialing = input.trialEnd !== null && input.trialEnd > start;
    const trialEnd = trialing ? input.trialEnd : null;
    const id = randomId('sub_');
    const subscription: Stripe.Subscription = {
      id,
      object: 'subscription',
      application: null,
      application_fee_percent: null,
      automatic_tax: { disabled_reason: null, enabled: false, liability: null },
      billing_cycle_anchor: trialEnd ?? start,
      billing_cycle_anchor_config: null,
      billing_mode: { flexible: { proration_discounts: 'included' }, type: 'flexible' },
      billing_schedules: [],
      billing_thresholds: null,
      cancel_at: null,
      cancel_at_period_end: false,
      canceled_at: null,
      cancellation_details: { comment: null, feedback: null, feedback_option: null, reason: null },
      collection_method: 'charge_automatically',
      created: start,
      currency,
      customer: input.customer,
      customer_account: null,
      days_until_due: null,
      default_payment_method: null,
      default_source: null,
      default_tax_rates: [],
      description: input.description,
      discounts: [],
      ended_at: null,
      invoice_settings: {
        account_tax_ids: null,
        custom_fields: null,
        description: null,
        footer: null,
        issuer: { type: 'self' },
      },
      items: {
        object: 'list',
        data: input.items.map((item) => makeItem(id, item, start, trialEnd ?? periodEnd(start, item.price))),
        has_more: false,
        url: `/v1/subscription_items?subscription=${id}`,
      },
      latest_invoice: null,
      livemode: false,
      managed_payments: null,
      metadata: input.metadata,
      next_pending_invoice_item_invoice: null,
      on_behalf_of: null,
      pause_collection: null,
      payment_settings: {
        payment_method_options: null,
        payment_method_types: null,
        save_default_payment_method: 'off',
      },
      pending_invoice_item_interval: null,
      pending_setup_intent: null,
      pending_update: null,
      schedule: null,
      start_date: start,
      status: trialing ? 'trialing' : 'active',
      test_clock: null,
      transfer_data: null,
      trial_end: trialEnd,
      trial_settings: { end_behavior: { billing_cycle_anchor: null, missing_payment_method: 'create_invoice' } },
      trial_start: trialing ? start : null,
    };
    subscriptions.set(id, subscription);
    return subscription;
  }

  function readTrialEnd(params: FormParams, label = (name: string) => name): number | null {
    const days = readInt(params, 'trial_period_days', label('trial_period_days'));
    const end = readInt(params, 'trial_end', label('trial_end'));
    if (days !== undefined && end !== undefined) {
      throw invalid('You may only specify one of these parameters: trial_end, trial_period_days.');
    }
    if (days !== undefined && (days < 1 || days > 730)) {
      throw invalid('trial_period_days must be between 1 and 730.', { param: label('trial_period_days') });
    }
    if (days !== undefined) return now() + days * DAY;
    return end ?? null;
  }

  function createSubscription({ params, request }: ApiRequest): Stripe.Subscription {
    const customerId = readString(params, 'customer');
    if (!customerId) throw missing('customer');
    find(customers, 'customer', customerId, 'customer');
    const items = readItems(readList(params, 'items') ?? [], 'items');
    if (items.length === 0) throw missing('items');
    const subscription = buildSubscription({
      customer: customerId,
      items,
      trialEnd: readTrialEnd(params),
      metadata: readMetadata(params),
      description: readString(params, 'description') ?? null,
    });
    emit('customer.subscription.created', subscription, { request });
    return subscription;
  }

  const ENDED = new Set(['canceled', 'incomplete_expired']);

  function updateSubscription({ params, id, request }: ApiRequest): Stripe.Subscription {
    const subscription = find(subscriptions, 'subscription', id);
    const before = copy(subscription);
    if (ENDED.has(subscription.status)) {
      const allowed = new Set(['metadata', 'cancellation_details', 'expand']);
      if (Object.keys(params).some((key) => !allowed.has(key))) {
        throw invalid('A canceled subscription can only update its cancellation_details and metadata.');
      }
    }
    const itemParams = readList(params, 'items');
    if (itemParams) applyItemChanges(subscription, itemParams);

    const trialEnd = readString(params, 'trial_end');
    if (trialEnd === 'now' && subscription.status === 'trialing') {
      const start = now();
      subscription.status = 'active';
      subscription.trial_end = start;
      subscription.billing_cycle_anchor = start;
      resetPeriods(subscription, start);
    }
    const cancelAtPeriodEnd = readBool(params, 'cancel_at_period_end');
    if (cancelAtPeriodEnd !== undefined) {
      subscription.cancel_at_period_end = cancelAtPeriodEnd;
      subscription.cancel_at = cancelAtPeriodEnd ? (subscription.items.data[0]?.current_period_end ?? null) : null;
    }
    const description = readString(params, 'description');
    if (description !== undefined) subscription.description = description || null;
    subscription.metadata = readMetadata(params, 'metadata', subscription.metadata);

    const previous = changed(before, subscription);
    if (Object.keys(previous).length > 0)
      emit('customer.subscription.updated', subscription, { request, previousAttributes: previous });
    return subscription;
  }

  function resetPeriods(subscription: Stripe.Subscription, start: number): void {
    for (const item of subscription.items.data) {
      item.current_period_start = start;
      item.current_period_end = periodEnd(start, item.price);
    }
  }

  /** items[n][id] updates or (with deleted=true) removes an item; an entry without id adds one. */
  function applyItemChanges(subscription: Stripe.Subscription, raw: FormValue[]): void {
    const items = subscription.items.data;
    let intervalChanged = false;
    raw.forEach((entry, index) => {
      const where = `items[${index}]`;
      if (!isParams(entry)) throw invalid('Invalid object', { param: where });
      const itemId = readString(entry, 'id', `${where}[id]`);
      const priceId = readString(entry, 'price', `${where}[price]`);
      const quantity = readInt(entry, 'quantity', `${where}[quantity]`);
      if (!itemId) {
        if (!priceId) throw missing(`${where}[price]`);
        const price = recurringPrice(priceId, `${where}[price]`);
        const period = items[0] ?? { current_period_start: now(), current_period_end: periodEnd(now(), price) };
        items.push(
          makeItem(
            subscription.id,
            { price, quantity, metadata: readMetadata(entry) },
            period.current_period_start,
            period.current_period_end,
          ),
        );
        return;
      }
      const item = items.find((candidate) => candidate.id === itemId);
      if (!item) throw noSuch('subscription item', itemId, `${where}[id]`);
      if (readBool(entry, 'deleted', `${where}[deleted]`)) {
        items.splice(items.indexOf(item), 1);
        return;
      }
      if (priceId) {
        const price = recurringPrice(priceId, `${where}[price]`);
        if (price.currency !== subscription.currency) {
          throw invalid('All prices on a subscription must have the same currency.', { param: `${where}[price]` });
        }
        const old = item.price.recurring;
        if (old?.interval !== price.recurring?.interval || old?.interval_count !== price.recurring?.interval_count) {
          intervalChanged = true;
        }
        item.price = price;
        item.plan = planOf(price);
      }
      if (quantity !== undefined) item.quantity = quantity;
      item.metadata = readMetadata(entry, 'metadata', item.metadata);
    });
    if (items.length === 0) throw invalid('A subscription must have at least one active plan.', { param: 'items' });
    const priceIds = items.map((item) => item.price.id);
    if (new Set(priceIds).size !== priceIds.length) {
      throw invalid('Cannot add multiple subscription items with the same price.', { param: 'items' });
    }
    // A new billing interval starts a new cycle now, as Stripe does outside a trial.
    if (intervalChanged && subscription.status !== 'trialing') {
      subscription.billing_cycle_anchor = now();
      resetPeriods(subscription, now());
    }
  }

  function cancel(
    subscription: Stripe.Subscription,
    request: Stripe.Event.Request,
    reason: 'cancellation_requested' | null,
  ) {
    const before = copy(subscription);
    const at = now();
    subscription.status = 'canceled';
    subscription.canceled_at = at;
    subscription.ended_at = at;
    subscription.cancellation_details = { comment: null, feedback: null, feedback_option: null, reason };
    emit('customer.subscription.deleted', subscription, { request, previousAttributes: changed(before, subscription) });
  }

  function deleteSubscription({ id, request }: ApiRequest): Stripe.Subscription {
    const subscription = find(subscriptions, 'subscription', id);
    if (ENDED.has(subscription.status)) throw invalid(`This subscription has already been canceled: ${id}`);
    cancel(subscription, request, 'cancellation_requested');
    return subscription;
  }

  const LIST_STATUSES = [
    'active',
    'all',
    'canceled',
    'ended',
    'incomplete',
    'incomplete_expired',
    'past_due',
    'paused',
    'trialing',
    'unpaid',
  ] as const;

  function listSubscriptions({ params }: ApiRequest): Stripe.ApiList<Stripe.Subscription> {
    const customer = readString(params, 'customer');
    const price = readString(params, 'price');
    const status = readEnum(params, 'status', LIST_STATUSES);
    const matching = [...subscriptions.values()].filter((subscription) => {
      if (customer && subscription.customer !== customer) return false;
      if (price && !subscription.items.data.some((item) => item.price.id === price)) return false;
      if (status === 'all') return true;
      if (status === 'ended') return ENDED.has(subscription.status);
      // Without a status Stripe lists every subscription that has not been canceled.
      if (status === undefined) return subscription.status !== 'canceled';
      return subscription.status === status;
    });
    return list(matching, params, '/v1/subscriptions', 'subscription');
  }

  // ---- checkout ----

  function createCheckoutSession({ params }: ApiRequest): Stripe.Checkout.Session {
    const mode = readString(params, 'mode');
    if (!mode) throw missing('mode');
    if (mode !== 'subscription')
      throw invalid(`The fake supports only mode=subscription, not ${mode}.`, { param: 'mode' });
    const customerId = readString(params, 'customer') ?? null;
    const customerEmail = readString(params, 'customer_email') ?? null;
    if (customerId && customerEmail) {
      throw invalid('You may only specify one of these parameters: customer, customer_email.');
    }
    if (customerId) find(customers, 'customer', customerId, 'customer');

    const rawItems = readList(params, 'line_items') ?? [];
    if (rawItems.length === 0) throw missing('line_items');
    const items = readItems(rawItems, 'line_items');
    items.forEach((item, index) => {
      const metered = item.price.recurring?.usage_type === 'metered';
      if (metered && item.quantity !== undefined) {
        throw invalid(
          `Quantity should not be specified where usage_type is \`metered\`. Remove quantity from \`line_items[${index}]\``,
        );
      }
      if (!metered && item.quantity === undefined) {
        throw invalid(`Quantity is required. Add \`quantity\` to \`line_items[${index}]\``, {
          param: `line_items[${index}][quantity]`,
        });
      }
    });
    const currencies = new Set(items.map((item) => item.price.currency));
    if (currencies.size > 1) throw invalid('All line items must have the same currency.', { param: 'line_items' });

    const subscriptionData = readObject(params, 'subscription_data') ?? {};
    const trialDays = readInt(subscriptionData, 'trial_period_days', 'subscription_data[trial_period_days]') ?? null;
    const trialEnd = readTrialEnd(subscriptionData, (name) => `subscription_data[${name}]`);
    // A trial defers the first payment, so Checkout shows (and reports) nothing due today.
    const total =
      trialEnd !== null
        ? 0
        : items.reduce((sum, item) => sum + (item.price.unit_amount ?? 0) * (item.quantity ?? 0), 0);
    const created = now();
    const id = randomId('cs_test_', 58);
    const session: Stripe.Checkout.Session = {
      id,
      object: 'checkout.session',
      adaptive_pricing: null,
      after_expiration: null,
      allow_promotion_codes: readBool(params, 'allow_promotion_codes') ?? null,
      allowed_payment_method_types: null,
      amount_subtotal: total,
      amount_total: total,
      automatic_tax: { enabled: false, liability: null, provider: null, status: null },
      billing_address_collection: null,
      cancel_url: readString(params, 'cancel_url') ?? null,
      client_reference_id: readString(params, 'client_reference_id') ?? null,
      client_secret: null,
      collected_information: null,
      consent: null,
      consent_collection: null,
      created,
      currency: items[0]?.price.currency ?? null,
      currency_conversion: null,
      custom_fields: [],
      custom_text: { after_submit: null, shipping_address: null, submit: null, terms_of_service_acceptance: null },
      customer: customerId,
      customer_account: null,
      customer_creation: customerId ? null : 'always',
      customer_details: null,
      customer_email: customerEmail,
      discounts: [],
      expires_at: readInt(params, 'expires_at') ?? created + DAY,
      integration_identifier: null,
      invoice: null,
      invoice_creation: null,
      livemode: false,
      locale: null,
      managed_payments: null,
      metadata: readMetadata(params),
      mode: 'subscription',
      origin_context: null,
      payment_intent: null,
      payment_link: null,
      payment_method_collection: 'always',
      payment_method_configuration_details: null,
      payment_method_options: null,
      payment_method_types: ['card'],
      payment_status: 'unpaid',
      permissions: null,
      recovered_from: null,
      saved_payment_method_options: null,
      setup_intent: null,
      shipping_address_collection: null,
      shipping_cost: null,
      shipping_options: [],
      status: 'open',
      submit_type: null,
      subscription: null,
      success_url: readString(params, 'success_url') ?? null,
      total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
      ui_mode: 'hosted_page',
      url: `${base}/checkout/${id}`,
      wallet_options: null,
    };
    sessions.set(id, session);
    checkoutExtras.set(id, {
      lineItems: items.map((item) => ({ price: item.price.id, quantity: item.quantity })),
      subscriptionMetadata: readMetadata(subscriptionData, 'metadata'),
      trialEnd,
      trialDays,
      description: readString(subscriptionData, 'description') ?? null,
    });
    return session;
  }

  function completeCheckout(sessionId: string, completion: { email?: string } = {}) {
    const session = find(sessions, 'checkout.session', sessionId);
    const extras = checkoutExtras.get(sessionId);
    if (session.status !== 'open' || !extras) {
      throw invalid(`This Checkout Session is no longer active (status ${session.status}).`);
    }
    let customerId = typeof session.customer === 'string' ? session.customer : null;
    if (!customerId) {
      const email = completion.email || session.customer_email || 'customer@example.com';
      customerId = createCustomer({ params: { email }, id: '', request: AUTOMATIC }).id;
    }
    const customer = find(customers, 'customer', customerId);
    // Trial length counts from payment, as on the hosted page.
    const trialEnd = extras.trialDays !== null ? now() + extras.trialDays * DAY : extras.trialEnd;
    const subscription = buildSubscription({
      customer: customerId,
      items: extras.lineItems.map((line) => ({
        price: find(prices, 'price', line.price),
        quantity: line.quantity,
        metadata: {},
      })),
      trialEnd,
      metadata: extras.subscriptionMetadata,
      description: extras.description,
    });
    session.status = 'complete';
    session.payment_status = subscription.status === 'trialing' ? 'no_payment_required' : 'paid';
    session.customer = customerId;
    session.subscription = subscription.id;
    session.url = null; // Stripe only gives a URL while the session is open.
    session.customer_details = {
      address: null,
      business_name: null,
      email: customer.email,
      individual_name: null,
      name: customer.name ?? null,
      phone: null,
      tax_exempt: 'none',
      tax_ids: [],
    };
    emit('customer.subscription.created', subscription);
    emit('checkout.session.completed', session);
    return { session: copy(session), subscription: copy(subscription) };
  }

  function expireCheckoutSession({ id, request }: ApiRequest): Stripe.Checkout.Session {
    const session = find(sessions, 'checkout.session', id);
    if (session.status !== 'open') throw invalid(`Only Checkout Sessions with a status in ["open"] can be expired.`);
    session.status = 'expired';
    session.url = null;
    emit('checkout.session.expired', session, { request });
    return session;
  }

  // ---- billing portal and meter events ----

  function createPortalSession({ params }: ApiRequest): Stripe.BillingPortal.Session {
    const customerId = readString(params, 'customer');
    if (!customerId) throw missing('customer');
    find(customers, 'customer', customerId, 'customer');
    const id = randomId('bps_');
    const session: Stripe.BillingPortal.Session = {
      id,
      object: 'billing_portal.session',
      configuration: readString(params, 'configuration') ?? portalConfiguration,
      created: now(),
      customer: customerId,
      customer_account: null,
      flow: null,
      livemode: false,
      locale: null,
      on_behalf_of: null,
      return_url: readString(params, 'return_url') ?? null,
      url: `${base}/portal/${id}`,
    };
    portalSessions.set(id, session);
    return session;
  }

  function createMeterEvent({ params }: ApiRequest): Stripe.Billing.MeterEvent {
    const eventName = readString(params, 'event_name');
    if (!eventName) throw missing('event_name');
    if (eventName.length > 100) throw invalid('event_name must be at most 100 characters.', { param: 'event_name' });
    const rawPayload = readObject(params, 'payload');
    if (!rawPayload) throw missing('payload');
    const payload: Record<string, string> = {};
    for (const [key, value] of Object.entries(rawPayload)) {
      if (typeof value !== 'string')
        throw invalid(`Invalid string: ${JSON.stringify(value)}`, { param: `payload[${key}]` });
      payload[key] = value;
    }
    const identifier = readString(params, 'identifier') || randomUUID();
    if (identifier.length > 100) throw invalid('identifier must be at most 100 characters.', { param: 'identifier' });
    const created = now();
    // Stripe enforces identifier uniqueness over a rolling window of at least 24 hours.
    const duplicate = meterEvents.find((event) => event.identifier === identifier && created - event.created < DAY);
    if (duplicate) {
      throw invalid(`An event already exists with identifier ${identifier}.`, {
        code: 'resource_already_exists',
        param: 'identifier',
      });
    }
    const meterEvent: Stripe.Billing.MeterEvent = {
      object: 'billing.meter_event',
      created,
      event_name: eventName,
      identifier,
      livemode: false,
      payload,
      timestamp: readInt(params, 'timestamp') ?? created,
    };
    meterEvents.push(meterEvent);
    return meterEvent;
  }

  // ---- routing ----

  const byId =
    <T extends object>(map: Map<string, T>, kind: string) =>
    ({ id }: ApiRequest) =>
      find(map, kind, id);

  const routes: Route[] = [
    ['POST', /^\/v1\/customers$/, createCustomer],
    ['GET', /^\/v1\/customers\/([^/]+)$/, byId(customers, 'customer')],
    ['POST', /^\/v1\/customers\/([^/]+)$/, updateCustomer],
    ['POST', /^\/v1\/products$/, ({ params }) => createProduct(params, 'product')],
    ['GET', /^\/v1\/products\/([^/]+)$/, byId(products, 'product')],
    ['POST', /^\/v1\/prices$/, createPrice],
    ['GET', /^\/v1\/prices$/, listPrices],
    ['GET', /^\/v1\/prices\/([^/]+)$/, byId(prices, 'price')],
    ['POST', /^\/v1\/checkout\/sessions$/, createCheckoutSession],
    ['GET', /^\/v1\/checkout\/sessions\/([^/]+)$/, byId(sessions, 'checkout.session')],
    ['POST', /^\/v1\/checkout\/sessions\/([^/]+)\/expire$/, expireCheckoutSession],
    ['POST', /^\/v1\/billing_portal\/sessions$/, createPortalSession],
    ['GET', /^\/v1\/subscriptions$/, listSubscriptions],
    ['POST', /^\/v1\/subscriptions$/, createSubscription],
    ['GET', /^\/v1\/subscriptions\/([^/]+)$/, byId(subscriptions, 'subscription')],
    ['POST', /^\/v1\/subscriptions\/([^/]+)$/, updateSubscription],
    ['DELETE', /^\/v1\/subscriptions\/([^/]+)$/, deleteSubscription],
    ['POST', /^\/v1\/billing\/meter_events$/, createMeterEvent],
  ];

  const lookupById = (id: string): object | undefined =>
    customers.get(id) ?? products.get(id) ?? prices.get(id) ?? subscriptions.get(id) ?? sessions.get(id);

  /** `expand[]=subscription`, `expand[]=data.customer`, `expand[]=items.data.price.product`. */
  function expand(node: unknown, path: string[]): void {
    if (Array.isArray(node)) {
      for (const item of node) expand(item, path);
      return;
    }
    const [head, ...rest] = path;
    if (head === undefined || typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    const value = record[head];
    const found = typeof value === 'string' ? lookupById(value) : undefined;
    if (found) record[head] = copy(found);
    if (rest.length > 0) expand(record[head], rest);
  }

  function authorized(header: string | undefined): boolean {
    if (!header) return false;
    const [scheme, credentials = ''] = header.split(' ');
    if (scheme?.toLowerCase() === 'bearer') return credentials === secretKey;
    // `curl -u sk_test_…:` sends the key as the Basic user name.
    if (scheme?.toLowerCase() === 'basic')
      return Buffer.from(credentials, 'base64').toString().split(':')[0] === secretKey;
    return false;
  }

  function authError(header: string | undefined): StripeFakeError {
    const key = header?.split(' ')[1] ?? '';
    const message = header
      ? `Invalid API Key provided: ${key.slice(0, 8)}****${key.slice(-4)}`
      : "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').";
    return new StripeFakeError(401, { type: 'invalid_request_error', message });
  }

  type Answer = { status: number; json: string; headers?: Record<string, string> };

  function handleApi(
    req: IncomingMessage,
    path: string,
    log: StripeFakeRequest,
    rawBody: string,
    requestId: string,
  ): Answer {
    if (down) {
      throw new StripeFakeError(503, { type: 'api_error', message: 'The fake Stripe API is down (setDown(true)).' });
    }
    if (!authorized(req.headers.authorization)) throw authError(req.headers.authorization);
    const method = req.method ?? 'GET';
    const route = routes.find(([m, pattern]) => m === method && pattern.test(path));
    if (!route) {
      throw new StripeFakeError(404, {
        type: 'invalid_request_error',
        message: `Unrecognized request URL (${method}: ${path}). The fake Stripe API does not implement it.`,
      });
    }
    const [, pattern, handler] = route;
    const id = decode(pattern.exec(path)?.[1] ?? '');
    const params = { ...log.query, ...log.body };
    const idempotencyKey = method === 'POST' ? log.idempotencyKey : null;
    if (idempotencyKey) {
      const stored = idempotent.get(idempotencyKey);
      if (stored) {
        if (stored.method !== method || stored.path !== path || stored.body !== rawBody) {
          throw new StripeFakeError(400, {
            type: 'idempotency_error',
            message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
          });
        }
        return { status: stored.status, json: stored.json, headers: { 'idempotent-replayed': 'true' } };
      }
    }
    let answer: Answer;
    try {
      const result = copy(handler({ params, id, request: { id: requestId, idempotency_key: idempotencyKey } }));
      for (const expandPath of readList(params, 'expand')?.map(String) ?? []) expand(result, expandPath.split('.'));
      answer = { status: 200, json: JSON.stringify(result) };
    } catch (error) {
      if (!(error instanceof StripeFakeError)) throw error;
      // Stripe saves a result once the endpoint ran; a request that failed validation is not saved.
      if (idempotencyKey && !error.body.code?.startsWith('parameter_')) {
        idempotent.set(idempotencyKey, {
          method,
          path,
          body: rawBody,
          status: error.status,
          json: JSON.stringify({ error: error.body }),
        });
      }
      throw error;
    }
    if (idempotencyKey) idempotent.set(idempotencyKey, { method, path, body: rawBody, ...answer });
    return answer;
  }

  function checkoutPage(id: string): string {
    const session = sessions.get(id);
    const extras = checkoutExtras.get(id);
    if (!session || !extras) return page('Checkout session not found', '');
    if (session.status !== 'open')
      return page('This Checkout Session is no longer available', `<p>Status: ${session.status}</p>`);
    const lines = extras.lineItems.map((line) => {
      const price = prices.get(line.price);
      const product = typeof price?.product === 'string' ? products.get(price.product) : undefined;
      const amount = `${((price?.unit_amount ?? 0) / 100).toFixed(2)} ${price?.currency.toUpperCase() ?? ''}`;
      return `<li>${escapeHtml(product?.name ?? line.price)} — ${amount} / ${price?.recurring?.interval ?? 'once'}${line.quantity ? ` × ${line.quantity}` : ''}</li>`;
    });
    const email = session.customer
      ? ''
      : `<label>Email <input id="email" name="email" type="email" value="${escapeHtml(session.customer_email ?? 'customer@example.com')}"></label>`;
    const cancelLink = session.cancel_url
      ? `<p><a id="cancel" href="${escapeHtml(session.cancel_url)}">Back</a></p>`
      : '';
    const trial = extras.trialDays ? `<p>${extras.trialDays}-day free trial</p>` : '';
    return page(
      'Fake Stripe Checkout',
      `<ul>${lines.join('')}</ul>${trial}<form method="post" action="/checkout/${escapeHtml(id)}">${email}<button id="pay" type="submit">Pay</button></form>${cancelLink}`,
    );
  }

  function portalPage(id: string): string {
    const session = portalSessions.get(id);
    if (!session) return page('Portal session not found', '');
    const rows = [...subscriptions.values()]
      .filter((subscription) => subscription.customer === session.customer)
      .map((subscription) => {
        const price = subscription.items.data[0]?.price;
        return `<li data-subscription="${escapeHtml(subscription.id)}">${escapeHtml(price?.lookup_key ?? price?.id ?? '')}: ${escapeHtml(subscription.status)}</li>`;
      });
    const back = session.return_url ? `<p><a id="return" href="${escapeHtml(session.return_url)}">Return</a></p>` : '';
    return page('Fake Stripe billing portal', `<ul>${rows.join('')}</ul>${back}`);
  }

  type PageAnswer = { status: number; html?: string; location?: string };

  function handlePage(method: string, path: string, form: FormParams): PageAnswer {
    const checkout = /^\/checkout\/([^/]+)$/.exec(path)?.[1];
    const portal = /^\/portal\/([^/]+)$/.exec(path)?.[1];
    if (checkout && method === 'GET')
      return { status: sessions.has(checkout) ? 200 : 404, html: checkoutPage(checkout) };
    if (checkout && method === 'POST') {
      const session = sessions.get(checkout);
      if (!session) return { status: 404, html: checkoutPage(checkout) };
      if (session.status !== 'open') return { status: 410, html: checkoutPage(checkout) };
      completeCheckout(checkout, { email: typeof form.email === 'string' ? form.email : undefined });
      if (!session.success_url)
        return { status: 200, html: page('Payment complete', '<p>You can close this page.</p>') };
      return { status: 303, location: session.success_url.replaceAll('{CHECKOUT_SESSION_ID}', checkout) };
    }
    if (portal && method === 'GET') return { status: portalSessions.has(portal) ? 200 : 404, html: portalPage(portal) };
    return { status: 404, html: page('Not found', '') };
  }

  async function readBody(req: IncomingMessage): Promise<string> {
    const body = await readRequestBody(req, MAX_BODY_BYTES);
    if (body === null) throw invalid('Request body too large');
    return body;
  }

  async function handle(req: IncomingMessage, res: ServerResponse, log: StripeFakeRequest): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake.invalid');
    const rawBody = await readBody(req);
    log.query = parseForm(url.search.slice(1));
    log.body = parseForm(rawBody);
    if (!url.pathname.startsWith('/v1/')) {
      const answer = handlePage(req.method ?? 'GET', url.pathname, log.body);
      log.status = answer.status;
      const headers = answer.location ? { location: answer.location } : { 'content-type': 'text/html; charset=utf-8' };
      res.writeHead(answer.status, headers).end(answer.html);
      return;
    }
    const requestId = randomId('req_', 14);
    const answer = handleApi(req, url.pathname, log, rawBody, requestId);
    log.status = answer.status;
    await answerLatency(log);
    res
      .writeHead(answer.status, {
        'content-type': 'application/json',
        'request-id': requestId,
        'stripe-version': log.stripeVersion ?? Stripe.API_VERSION,
        ...(log.idempotencyKey ? { 'idempotency-key': log.idempotencyKey } : {}),
        ...answer.headers,
      })
      .end(answer.json);
  }

  async function answerLatency(log: StripeFakeRequest): Promise<void> {
    if (!log.path.startsWith('/v1/')) return;
    const ms = typeof latency === 'function' ? latency(log) : latency;
    if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
  }

  const header = (req: IncomingMessage, name: string) => {
    const value = req.headers[name];
    return (Array.isArray(value) ? value[0] : value) ?? null;
  };

  const server = createServer((req, res) => {
    const log: StripeFakeRequest = {
      method: req.method ?? '',
      path: new URL(req.url ?? '/', 'http://fake.invalid').pathname,
      query: {},
      body: {},
      status: 0,
      idempotencyKey: header(req, 'idempotency-key'),
      stripeVersion: header(req, 'stripe-version'),
    };
    requests.push(log);
    handle(req, res, log).catch(async (error: unknown) => {
      if (res.headersSent) return;
      const failure =
        error instanceof StripeFakeError
          ? error
          : new StripeFakeError(500, { type: 'api_error', message: `The fake Stripe API failed: ${String(error)}` });
      log.status = failure.status;
      await answerLatency(log);
      res
        .writeHead(failure.status, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: failure.body }));
    });
  });

  const port = await listenOnLoopback(server);
  const host = '127.0.0.1';
  base = `http://${host}:${port}`;

  const seedRequest = (params: object): ApiRequest => ({
    params: toForm(params) as FormParams,
    id: '',
    request: AUTOMATIC,
  });

  return {
    url: base,
    host,
    port,
    secretKey,
    client: (config = {}) =>
      new Stripe(secretKey, { maxNetworkRetries: 0, telemetry: false, ...config, host, port, protocol: 'http' }),
    stop: async () => {
      await webhookQueue;
      await closeServer(server);
    },
    seedCustomer: (params = {}) => copy(createCustomer(seedRequest(params))),
    seedPrice: (params) => copy(createPrice(seedRequest(params))),
    completeCheckout,
    setSubscriptionStatus(id, status) {
      const subscription = find(subscriptions, 'subscription', id);
      if (status === 'canceled') {
        cancel(subscription, AUTOMATIC, null);
      } else {
        const before = copy(subscription);
        subscription.status = status;
        emit('customer.subscription.updated', subscription, { previousAttributes: changed(before, subscription) });
      }
      return copy(subscription);
    },
    changeSubscriptionPrice(id, priceId) {
      const subscription = find(subscriptions, 'subscription', id);
      const item = subscription.items.data[0];
      if (!item) throw new Error(`Subscription ${id} has no items`);
      const before = copy(subscription);
      applyItemChanges(subscription, [{ id: item.id, price: priceId }]);
      emit('customer.subscription.updated', subscription, { previousAttributes: changed(before, subscription) });
      return copy(subscription);
    },
    customer: (id) => copy(find(customers, 'customer', id)),
    subscription: (id) => copy(find(subscriptions, 'subscription', id)),
    subscriptions: () => copy([...subscriptions.values()]),
    checkoutSession: (id) => copy(find(sessions, 'checkout.session', id)),
    meterEvents: () => copy(meterEvents),
    makeEvent,
    signedDelivery,
    events: () => copy(events),
    setWebhook(endpoint) {
      webhook = endpoint;
    },
    deliveries: () => copy(deliveries),
    flushWebhooks: () => webhookQueue,
    setDown(value) {
      down = value;
    },
    setLatency(value) {
      latency = value;
    },
    requests: () => copy(requests),
    advanceTime(seconds) {
      clockOffset += seconds;
    },
  };
}
