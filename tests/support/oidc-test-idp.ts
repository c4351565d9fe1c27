// A real OpenID Connect provider (oidc-provider 9) on 127.0.0.1 over plain http, so SSO tests run
// next-auth's real OIDC client (openid-client 5: discovery, PKCE + state + nonce, RS256 id tokens)
// against a real server instead of a mocked profile.
//
// Anybody can sign in: the login page asks only for an email address (input name="login", button
// "Sign in", no password). The account's sub is oidcTestSubject(email), stable for that address;
// its claims are email (lower-cased), email_verified: true and a name made from the address. The
// form is shown on every authorization request, even with a live IdP session, so a test that signs
// in as someone else in the same browser gets who it typed. There is no consent screen: every
// client is treated as first-party and gets the scopes it asks for (openid email profile).
//
// Clients are confidential web clients (code flow, client_secret_basic or _post, PKCE optional)
// with http redirect URIs on any host. They live in this IdP's own storage adapter rather than in
// oidc-provider's static `clients` list, which is fixed at construction: addClient() therefore works
// at any time, and registering a client id again replaces its metadata.
import { createHash, generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import Provider, {
  type Adapter,
  type AdapterPayload,
  type Configuration,
  errors,
  type Interaction,
  interactionPolicy,
  type JWK,
} from 'oidc-provider';
import { closeServer, LOOPBACK, listenOnLoopback } from './loopback-server';
import { readRequestBody } from './read-request-body';

export type OidcTestClient = { clientId: string; clientSecret: string; redirectUris: string[] };

export type OidcTestIdp = {
  /** http://127.0.0.1:PORT (no trailing slash); discovery is at /.well-known/openid-configuration. */
  issuer: string;
  /** Registers a client (or replaces one with the same id); rejects on metadata oidc-provider refuses. */
  addClient(client: OidcTestClient): Promise<void>;
  stop(): Promise<void>;
};

export type OidcTestIdpOptions = { port?: number; clients: OidcTestClient[] };

const HOST = LOOPBACK;
const INTERACTION_PATH = /^\/interaction\/([\w-]+)$/;
const EMAIL = /^[^\s@]+@[^\s@]+$/;
const MAX_FORM_BYTES = 10_000;

/** The sub this IdP gives an email address: the same for every run and every letter case. */
export function oidcTestSubject(email: string): string {
  return `user-${createHash('sha256').update(email.trim().toLowerCase()).digest('hex').slice(0, 16)}`;
}

/** "ada.lovelace@example.com" → "Ada Lovelace". */
function nameFrom(email: string): string {
  const words = (email.split('@')[0] ?? '').split(/[._+-]+/).filter(Boolean);
  return words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(' ') || email;
}

function signingKey(): JWK {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), alg: 'RS256', use: 'sig' };
}

/**
 * oidc-provider's storage, in memory and for this IdP only (the default adapter is one store per
 * process, and not exported). Clients live here too: oidc-provider looks up any client id it has no
 * static configuration for in the adapter, which is what lets addClient() come after start.
 */
function memoryAdapter(): (model: string) => Adapter {
  const entries = new Map<string, { payload: AdapterPayload; expiresAt: number }>();
  return (model) => {
    const prefix = `${model}:`;
    const live = (key: string) => {
      const entry = entries.get(key);
      if (entry && entry.expiresAt > Date.now()) return entry.payload;
      entries.delete(key);
      return undefined;
    };
    const findWhere = async (matches: (payload: AdapterPayload) => boolean) =>
      [...entries.keys()]
        .filter((key) => key.startsWith(prefix))
        .map(live)
        .find((payload) => payload !== undefined && matches(payload));
    return {
      async upsert(id, payload, expiresIn) {
        entries.set(prefix + id, { payload, expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : Infinity });
      },
      find: async (id) => live(prefix + id),
      findByUid: (uid) => findWhere((payload) => payload.uid === uid),
      findByUserCode: (userCode) => findWhere((payload) => payload.userCode === userCode),
      async consume(id) {
        const payload = live(prefix + id);
        if (payload) payload.consumed = Math.floor(Date.now() / 1000);
      },
      async destroy(id) {
        entries.delete(prefix + id);
      },
      async revokeByGrantId(grantId) {
        for (const [key, { payload }] of entries) {
          if (key.startsWith(prefix) && payload.grantId === grantId) entries.delete(key);
        }
      },
    };
  };
}

/** The login prompt as usual, plus: ask again even when the IdP session already knows someone. */
function alwaysAskForLogin() {
  const policy = interactionPolicy.base();
  policy
    .get('login')
    ?.checks.add(
      new interactionPolicy.Check('login_every_time', 'the test IdP asks for an email every time', (ctx) =>
        ctx.oidc.result?.login ? interactionPolicy.Check.NO_NEED_TO_PROMPT : interactionPolicy.Check.REQUEST_PROMPT,
      ),
    );
  return policy;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

function loginPage(interaction: Interaction, error?: string): string {
  const hint = typeof interaction.params.login_hint === 'string' ? interaction.params.login_hint : '';
  const client = typeof interaction.params.client_id === 'string' ? interaction.params.client_id : '';
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Test identity provider: sign in</title></head>
<body>
<main>
  <h1>Test identity provider</h1>
  <p>Signing in to <code>${escapeHtml(client)}</code>. Any email address works; there is no password.</p>
  ${error ? `<p role="alert">${escapeHtml(error)}</p>` : ''}
  <form method="post" action="/interaction/${escapeHtml(interaction.uid)}">
    <label>Email <input type="email" name="login" value="${escapeHtml(hint)}" required autofocus></label>
    <button type="submit">Sign in</button>
  </form>
</main>
</body>
</html>`;
}

function sendText(res: ServerResponse, status: number, body: string, type = 'text/plain'): void {
  res.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' }).end(body);
}

export async function startOidcTestIdp(options: OidcTestIdpOptions): Promise<OidcTestIdp> {
  const adapter = memoryAdapter();
  const emails = new Map<string, string>(); // sub → email, filled by the login form
  // Set once the provider exists, which needs the issuer, which needs the port the server got.
  let provider: Provider | undefined;
  let oidcRoutes: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;

  const interaction = async (req: IncomingMessage, res: ServerResponse, idp: Provider) => {
    const details = await idp.interactionDetails(req, res);
    // Consent never comes up (loadExistingGrant grants everything), so login is the only prompt.
    if (details.prompt.name !== 'login') return sendText(res, 501, `prompt ${details.prompt.name} not implemented`);
    if (req.method === 'GET') return sendText(res, 200, loginPage(details), 'text/html');
    if (req.method !== 'POST') return sendText(res, 405, 'method not allowed');
    const form = new URLSearchParams((await readRequestBody(req, MAX_FORM_BYTES)) ?? '');
    const email = (form.get('login') ?? '').trim().toLowerCase();
    if (!EMAIL.test(email)) return sendText(res, 400, loginPage(details, 'Enter an email address.'), 'text/html');
    const accountId = oidcTestSubject(email);
    emails.set(accountId, email);
    if (details.session && details.session.accountId !== accountId) {
      // Someone else is signed in to the IdP in this browser: drop that session here, or oidc-provider
      // would first send the browser through a self-submitting logout page before the client's redirect.
      await (await idp.Session.findByUid(details.session.uid))?.destroy();
      details.session = undefined;
      await details.save(details.exp - Math.floor(Date.now() / 1000));
    }
    await idp.interactionFinished(req, res, { login: { accountId } }, { mergeWithLastSubmission: false });
  };

  const server = createServer((req, res) => {
    if (!provider || !oidcRoutes) return sendText(res, 503, 'starting');
    if (!INTERACTION_PATH.test(new URL(req.url ?? '/', `http://${HOST}`).pathname)) return oidcRoutes(req, res);
    interaction(req, res, provider).catch((error: unknown) => {
      // An expired or missing interaction cookie is the user's problem; anything else is ours.
      if (error instanceof errors.OIDCProviderError) {
        return sendText(res, error.statusCode, `${error.error}: ${error.error_description ?? error.message}`);
      }
      console.error('[oidc-test-idp] interaction failed', error);
      sendText(res, 500, 'internal error');
    });
  });

  const port = await listenOnLoopback(server, options.port ?? 0);
  const issuer = `http://${HOST}:${port}`;

  const configuration: Configuration = {
    adapter,
    jwks: { keys: [signingKey()] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, { uid }) => `/interaction/${uid}`, policy: alwaysAskForLogin() },
    scopes: ['openid', 'email', 'profile'],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    // Claims in the id token as well as from userinfo: next-auth may read either.
    conformIdTokenClaims: false,
    responseTypes: ['code'],
    clientDefaults: {
      application_type: 'web',
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
      id_token_signed_response_alg: 'RS256',
    },
    // Numbers, not oidc-provider's default functions, which log a notice the first time they run.
    ttl: { AccessToken: 3600, AuthorizationCode: 600, IdToken: 3600, Interaction: 3600, Session: 3600, Grant: 3600 },
    async findAccount(_ctx, sub) {
      const email = emails.get(sub);
      if (!email) return undefined;
      return {
        accountId: sub,
        claims: async () => ({ sub, email, email_verified: true, name: nameFrom(email) }),
      };
    },
    async loadExistingGrant(ctx) {
      const { client, session } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope([...ctx.oidc.requestParamOIDCScopes].join(' '));
      grant.addOIDCClaims([...ctx.oidc.requestParamClaims]);
      await grant.save();
      return grant;
    },
    renderError(ctx, out) {
      ctx.type = 'text/plain; charset=utf-8';
      ctx.body = Object.entries(out)
        .map(([key, value]) => `${key}: ${String(value)}`)
        .join('\n');
    },
  };
  const idp = new Provider(issuer, configuration);
  provider = idp;
  oidcRoutes = idp.callback();

  const addClient = async ({ clientId, clientSecret, redirectUris }: OidcTestClient) => {
    const metadata = { client_id: clientId, client_secret: clientSecret, redirect_uris: redirectUris };
    try {
      await idp.Client.validate(metadata);
    } catch (error) {
      // oidc-provider's message is only the error code (invalid_redirect_uri); the reason is beside it.
      const reason = error instanceof errors.OIDCProviderError ? error.error_description : String(error);
      throw new Error(`OIDC test client ${clientId} refused: ${reason}`, { cause: error });
    }
    await adapter('Client').upsert(clientId, metadata);
  };

  try {
    for (const client of options.clients) await addClient(client);
  } catch (error) {
    await closeServer(server);
    throw error;
  }

  return {
    issuer,
    addClient,
    stop: () => closeServer(server),
  };
}
