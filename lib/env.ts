// Environment, validated once with zod. A missing or malformed variable stops the process with a
// message that names it, at build (next.config.js imports this) and at boot.
import { z } from 'zod';
import { RESERVED_SUBDOMAINS } from './hosts/reserved-subdomains';

const postgresUrl = z
  .string()
  .refine((value) => /^postgres(ql)?:\/\//.test(value), 'must be a postgres:// or postgresql:// URL');

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    /** Owner connection: migrations and seeding only. Unset in dev → embedded PostgreSQL. */
    DATABASE_URL: postgresUrl.optional(),
    /** The web app's connection, as app_user (RLS applies). Derived from DATABASE_URL outside production. */
    APP_DATABASE_URL: postgresUrl.optional(),
    /** Platform administration only, as platform_admin (BYPASSRLS). Never used by tenant routes. */
    PLATFORM_DATABASE_URL: postgresUrl.optional(),
    /** Credentials and sessions, as auth_user: the only runtime role that reads them. Derived outside production. */
    AUTH_DATABASE_URL: postgresUrl.optional(),
    /** Billing state, usage reports and Stripe's records, as billing_user: the only runtime role that
     *  writes them. Derived outside production. */
    BILLING_DATABASE_URL: postgresUrl.optional(),
    /** The job worker's queue connection, as job_worker (`npm run worker`). Derived outside production. */
    JOB_WORKER_DATABASE_URL: postgresUrl.optional(),
    /** Jobs one worker process runs at once. */
    JOB_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(8),
    DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
    /** The root domain workspaces live under: acme.<ROOT_DOMAIN>. */
    ROOT_DOMAIN: z
      .string()
      .regex(/^[a-z0-9.-]+$/, 'must be a lower-case host name without port, e.g. myapp.com')
      .default('localhost'),
    /** Custom domains: the host a subdomain must CNAME to. Unset → cname.<ROOT_DOMAIN>. */
    CUSTOM_DOMAIN_CNAME_TARGET: z
      .string()
      .regex(/^[a-z0-9.-]+$/, 'must be a lower-case host name without port, e.g. cname.myapp.com')
      .optional(),
    /** Custom apex domains: our IPv4 addresses, comma-separated. Empty → apex domains cannot be routed. */
    CUSTOM_DOMAIN_A_RECORDS: z
      .string()
      .default('')
      .transform((value) =>
        value
          .split(',')
          .map((address) => address.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.ipv4({ error: 'must be comma-separated IPv4 addresses' }))),
    /** DNS servers for domain checks (host:port, comma-separated). Unset → the system's resolvers. */
    DOMAIN_CHECK_DNS_SERVERS: z.string().optional(),
    /** Edge Config connection string: a fast hint for routing custom domains. Unset → PostgreSQL only. */
    EDGE_CONFIG: z.url().optional(),
    /** Vercel REST API, to publish custom-domain routes to that Edge Config (both needed to publish). */
    VERCEL_API_TOKEN: z.string().min(1).optional(),
    VERCEL_EDGE_CONFIG_ID: z.string().min(1).optional(),
    VERCEL_TEAM_ID: z.string().min(1).optional(),
    VERCEL_API_URL: z.url().default('https://api.vercel.com'),
    /** Who obtains TLS certificates for custom domains: Caddy (asks /api/platform/tls-ask) or Vercel. */
    TLS_PROVIDER: z.enum(['caddy', 'vercel']).default('caddy'),
    /** With TLS_PROVIDER=vercel: the project custom domains are added to (id or name). */
    VERCEL_PROJECT_ID: z.string().min(1).optional(),

    // ─── Rate limits ─────────────────────────────────────────────────────────────────────────────
    /** Where rate-limit counts live, shared by every instance (redis:// or rediss://). Unset → each
     *  process counts on its own (fine for one process; announced in the log). */
    REDIS_URL: z
      .string()
      .refine((value) => /^rediss?:\/\//.test(value), 'must be a redis:// or rediss:// URL')
      .optional(),
    /** Prefix of every key this app writes to Redis, so apps (or test runs) can share one server. */
    REDIS_KEY_PREFIX: z.string().min(1).max(100).default('tenantry:'),
    /** How many proxies in front of the app append to X-Forwarded-For (Caddy, a load balancer: 1).
     *  0: the app faces clients itself. See lib/rate-limit/client-ip.ts and docs/decisions/017. */
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),

    // ─── Tenant files (lib/files/, docs/decisions/024) ────────────────────────────────────────────
    /** The S3 (or S3-compatible) bucket tenant files are stored in. Unset → local disk under FILES_DIR
     *  (development; announced in the log). */
    S3_BUCKET: z.string().min(3).optional(),
    /** An S3-compatible server (MinIO, R2, …): its URL. Unset → AWS S3 in S3_REGION. */
    S3_ENDPOINT: z.url().optional(),
    S3_REGION: z.string().min(1).default('us-east-1'),
    /** Unset → the AWS SDK's own credential chain (instance role, AWS_* variables, …). */
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    /** Most S3-compatible servers want path-style URLs (endpoint/bucket/key). */
    S3_FORCE_PATH_STYLE: z
      .enum(['true', 'false'])
      .default('false')
      .transform((value) => value === 'true'),
    /** The local driver's directory (relative to the working directory, or absolute). */
    FILES_DIR: z.string().min(1).default('.data/files'),
    /** Signs the local driver's download links (32+ characters). Unset → derived from AUTH_SECRET. */
    FILES_SIGNING_SECRET: z.string().min(32, 'must be at least 32 characters (openssl rand -base64 32)').optional(),

    // ─── Accounts ────────────────────────────────────────────────────────────────────────────────
    /** The root site's origin (https://myapp.com): sign-in lives here, and every link in an email is
     *  built from it, never from a request's Host. Required in production; see lib/auth/app-url.ts. */
    APP_URL: z.url().optional(),
    /** Signs and encrypts session tokens (32+ characters). Required in production. */
    AUTH_SECRET: z.string().min(32, 'must be at least 32 characters (openssl rand -base64 32)').optional(),
    /** Outgoing mail (magic links, invitations, password resets): smtp://user:pass@host:port.
     *  Unset outside production → emails are printed to the server log instead. */
    SMTP_URL: z
      .string()
      .refine((value) => /^smtps?:\/\//.test(value), 'must be an smtp:// or smtps:// URL')
      .optional(),
    EMAIL_FROM: z.string().min(3).default('Tenantry <no-reply@localhost>'),
    /** OAuth sign-in: each provider switches on when both of its variables are set. */
    GITHUB_CLIENT_ID: z.string().min(1).optional(),
    GITHUB_CLIENT_SECRET: z.string().min(1).optional(),
    GOOGLE_CLIENT_ID: z.string().min(1).optional(),
    GOOGLE_CLIENT_SECRET: z.string().min(1).optional(),

    // ─── Enterprise sign-in ──────────────────────────────────────────────────────────────────────
    /** Encrypts workspaces' OIDC client secrets at rest: 32 random bytes, base64 (openssl rand -base64
     *  32). Required in production; development derives one from AUTH_SECRET. */
    SSO_ENCRYPTION_KEY: z
      .string()
      .refine(
        (value) => Buffer.from(value, 'base64').length === 32,
        'must be 32 bytes, base64 (openssl rand -base64 32)',
      )
      .optional(),
    /** Lets workspaces use plain-http identity providers: for local test IdPs only (the e2e suite). */
    SSO_ALLOW_HTTP: z
      .enum(['true', 'false'])
      .default('false')
      .transform((value) => value === 'true'),

    // ─── Billing ─────────────────────────────────────────────────────────────────────────────────
    /** Stripe's secret key. Unset → billing is off and every workspace is on the free plan. */
    STRIPE_SECRET_KEY: z.string().min(1).optional(),
    /** The signing secret of the webhook endpoint (whsec_…), for POST /api/webhooks/stripe. */
    STRIPE_WEBHOOK_SECRET: z.string().min(1).optional(),
    /** Where the Stripe client sends requests: Stripe itself unless set (tests: a local fake). */
    STRIPE_API_URL: z.url().optional(),
    /** The Stripe price of each paid plan (lib/billing/plans.ts). */
    STRIPE_PRICE_PRO: z.string().min(1).optional(),
    /** The meter that billable usage is reported to (Stripe → Billing → Meters: its event name). */
    STRIPE_METER_EVENT_NAME: z.string().min(1).default('projects_created'),
  })
  .check((ctx) => {
    // Half a key pair would silently fall back to the SDK's own credentials.
    const { S3_ACCESS_KEY_ID: keyId, S3_SECRET_ACCESS_KEY: secret } = ctx.value;
    if (Boolean(keyId) !== Boolean(secret)) {
      ctx.issues.push({
        code: 'custom',
        path: [keyId ? 'S3_SECRET_ACCESS_KEY' : 'S3_ACCESS_KEY_ID'],
        message: 'set S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY together, or neither',
        input: undefined,
      });
    }
  })
  .check((ctx) => {
    // A CNAME target under our root domain is a subdomain a workspace could otherwise take.
    const { CUSTOM_DOMAIN_CNAME_TARGET: target, ROOT_DOMAIN: root } = ctx.value;
    const label = target?.endsWith(`.${root}`) ? target.slice(0, -root.length - 1) : null;
    if (label && !RESERVED_SUBDOMAINS.has(label)) {
      ctx.issues.push({
        code: 'custom',
        path: ['CUSTOM_DOMAIN_CNAME_TARGET'],
        message: `"${label}" is not a reserved subdomain (lib/hosts/reserved-subdomains.ts): a workspace could take it`,
        input: target,
      });
    }
  });

export type Env = z.infer<typeof EnvSchema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  return result.data;
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
