// The IdP is only useful if next-auth's own OIDC client accepts it: every flow here is driven by
// openid-client 5 (what next-auth 4 uses) the way next-auth drives it — discovery, PKCE + state +
// nonce, code exchange with the client secret, id token validation — and a fetch-based "browser"
// with a cookie jar that walks the IdP's redirects and fills in its login form.
import { type BaseClient, errors, generators, Issuer } from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OidcTestClient, type OidcTestIdp, oidcTestSubject, startOidcTestIdp } from './oidc-test-idp';

const ACME: OidcTestClient = {
  clientId: 'tenantry-acme',
  clientSecret: 'acme-secret',
  redirectUris: ['http://tenantry.test:3101/api/auth/callback/sso-acme'],
};
const [ACME_CALLBACK = ''] = ACME.redirectUris;

let idp: OidcTestIdp;
let issuer: Issuer<BaseClient>;

beforeAll(async () => {
  idp = await startOidcTestIdp({ clients: [ACME] });
  issuer = await Issuer.discover(idp.issuer);
});

afterAll(async () => {
  await idp?.stop();
});

/** Just enough of a browser: keeps cookies by name and follows redirects by hand. */
class Browser {
  private readonly cookies = new Map<string, string>();

  /** Fetches `url`, following redirects until a page answers or one leaves the IdP (returned unfetched). */
  async visit(url: string, init: RequestInit = {}): Promise<{ url: string; response: Response | null }> {
    let current = url;
    let request = init;
    for (let hop = 0; hop < 10; hop++) {
      if (!current.startsWith(idp.issuer)) return { url: current, response: null };
      const response = await fetch(current, {
        ...request,
        redirect: 'manual',
        headers: {
          ...request.headers,
          cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
        },
      });
      this.remember(response);
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) return { url: current, response };
      current = new URL(location, current).href;
      request = {};
    }
    throw new Error(`Too many redirects from ${url}`);
  }

  private remember(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = header.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const expired = attributes.some((a) => /^\s*expires=/i.test(a) && Date.parse(a.split('=')[1] ?? '') < Date.now());
      if (expired || pair.slice(eq + 1) === '') this.cookies.delete(name);
      else this.cookies.set(name, pair.slice(eq + 1));
    }
  }
}

type Checks = { code_verifier: string; state: string; nonce: string };

function clientFor(
  { clientId, clientSecret, redirectUris }: OidcTestClient,
  method: 'client_secret_basic' | 'client_secret_post' = 'client_secret_basic',
) {
  return new issuer.Client({
    client_id: clientId,
    client_secret: clientSecret,
    redirect_uris: redirectUris,
    response_types: ['code'],
    token_endpoint_auth_method: method,
    id_token_signed_response_alg: 'RS256',
  });
}

function authorizationRequest(client: BaseClient, redirectUri: string): { url: string; checks: Checks } {
  const checks = { code_verifier: generators.codeVerifier(), state: generators.state(), nonce: generators.nonce() };
  const url = client.authorizationUrl({
    scope: 'openid email profile',
    redirect_uri: redirectUri,
    code_challenge: generators.codeChallenge(checks.code_verifier),
    code_challenge_method: 'S256',
    state: checks.state,
    nonce: checks.nonce,
  });
  return { url, checks };
}

/** Lands on the login page, asserts its form, submits `email`; returns where the IdP sent the browser. */
async function signIn(browser: Browser, authorizationUrl: string, email: string): Promise<string> {
  const login = await browser.visit(authorizationUrl);
  const html = (await login.response?.text()) ?? '';
  expect(login.response?.status).toBe(200);
  expect(html).toContain('name="login"');
  expect(html).toContain('<button type="submit">Sign in</button>');
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1] ?? '';
  const submitted = await browser.visit(new URL(action, login.url).href, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ login: email }),
  });
  expect(submitted.response).toBeNull();
  return submitted.url;
}

describe('OIDC test IdP, driven by openid-client 5 as next-auth runs it', () => {
  it('publishes discovery for a plain-http loopback issuer with an RS256 key', () => {
    expect(issuer.metadata).toMatchObject({
      issuer: idp.issuer,
      authorization_endpoint: `${idp.issuer}/auth`,
      token_endpoint: `${idp.issuer}/token`,
      id_token_signing_alg_values_supported: expect.arrayContaining(['RS256']),
      code_challenge_methods_supported: expect.arrayContaining(['S256']),
      scopes_supported: expect.arrayContaining(['openid', 'email', 'profile']),
      token_endpoint_auth_methods_supported: expect.arrayContaining(['client_secret_basic', 'client_secret_post']),
    });
    expect(idp.issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('signs anybody in by email: code at the redirect URI, a valid id token, the email claims', async () => {
    const client = clientFor(ACME);
    const { url, checks } = authorizationRequest(client, ACME_CALLBACK);

    const callbackUrl = await signIn(new Browser(), url, 'Ada.Lovelace@Example.com');
    expect(callbackUrl.startsWith(`${ACME_CALLBACK}?`)).toBe(true);
    const params = client.callbackParams(callbackUrl);
    expect(params.code).toEqual(expect.any(String));
    expect(params.state).toBe(checks.state);

    const tokens = await client.callback(ACME_CALLBACK, params, checks);
    const claims = tokens.claims();
    expect(claims).toMatchObject({
      iss: idp.issuer,
      aud: ACME.clientId,
      nonce: checks.nonce,
      sub: oidcTestSubject('ada.lovelace@example.com'),
      email: 'ada.lovelace@example.com',
      email_verified: true,
      name: 'Ada Lovelace',
    });
    expect(claims.sub).toMatch(/^user-[0-9a-f]{16}$/);
    expect(await client.userinfo(tokens)).toEqual({
      sub: claims.sub,
      email: 'ada.lovelace@example.com',
      email_verified: true,
      name: 'Ada Lovelace',
    });
  });

  it('accepts client_secret_post and asks for the email again in the same browser', async () => {
    const client = clientFor(ACME, 'client_secret_post');
    const browser = new Browser();
    for (const email of ['bob@example.com', 'carol@example.com']) {
      const { url, checks } = authorizationRequest(client, ACME_CALLBACK);
      const callbackUrl = await signIn(browser, url, email);
      const tokens = await client.callback(ACME_CALLBACK, client.callbackParams(callbackUrl), checks);
      expect(tokens.claims()).toMatchObject({ email, sub: oidcTestSubject(email) });
    }
  });

  it('refuses the code with a wrong client secret or a wrong PKCE verifier', async () => {
    const impostor = clientFor({ ...ACME, clientSecret: 'not-the-secret' });
    const first = authorizationRequest(impostor, ACME_CALLBACK);
    const withWrongSecret = impostor.callback(
      ACME_CALLBACK,
      impostor.callbackParams(await signIn(new Browser(), first.url, 'eve@example.com')),
      first.checks,
    );
    await expect(withWrongSecret).rejects.toBeInstanceOf(errors.OPError);
    await expect(withWrongSecret).rejects.toMatchObject({ error: 'invalid_client' });

    const client = clientFor(ACME);
    const second = authorizationRequest(client, ACME_CALLBACK);
    const callbackUrl = await signIn(new Browser(), second.url, 'eve@example.com');
    const wrongVerifier = { ...second.checks, code_verifier: generators.codeVerifier() };
    await expect(
      client.callback(ACME_CALLBACK, client.callbackParams(callbackUrl), wrongVerifier),
    ).rejects.toMatchObject({ error: 'invalid_grant' });
  });

  it('refuses a redirect URI the client did not register, without redirecting to it', async () => {
    const { url } = authorizationRequest(clientFor(ACME), 'http://evil.test:3101/api/auth/callback/sso-acme');
    const { response } = await new Browser().visit(url);
    expect(response?.status).toBe(400);
    expect(response?.headers.get('location')).toBeNull();
    expect(await response?.text()).toContain("redirect_uri did not match any of the client's registered redirect_uris");
  });

  it('re-renders the login form for something that is not an email address', async () => {
    const browser = new Browser();
    const login = await browser.visit(authorizationRequest(clientFor(ACME), ACME_CALLBACK).url);
    const action = /action="([^"]+)"/.exec((await login.response?.text()) ?? '')?.[1] ?? '';
    const { response } = await browser.visit(new URL(action, login.url).href, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ login: 'not an email' }),
    });
    expect(response?.status).toBe(400);
    expect(await response?.text()).toContain('Enter an email address.');
  });

  it('registers a client after start, e.g. one whose redirect URI names a workspace slug', async () => {
    const slug = `ws-${Date.now().toString(36)}`;
    const late: OidcTestClient = {
      clientId: `tenantry-${slug}`,
      clientSecret: 'late-secret',
      redirectUris: [`http://${slug}.tenantry.test:3101/api/auth/callback/sso-${slug}`],
    };
    await idp.addClient(late);
    const client = clientFor(late);
    const redirectUri = late.redirectUris[0] ?? '';
    const { url, checks } = authorizationRequest(client, redirectUri);
    const tokens = await client.callback(
      redirectUri,
      client.callbackParams(await signIn(new Browser(), url, 'dan@acme.test')),
      checks,
    );
    expect(tokens.claims()).toMatchObject({ aud: late.clientId, email: 'dan@acme.test', email_verified: true });

    await expect(idp.addClient({ ...late, redirectUris: ['http://tenantry.test/cb#fragment'] })).rejects.toThrow(
      /fragments/,
    );
  });
});
