// The test SAML IdP (saml-test-idp.ts) behind a real HTTP server on 127.0.0.1, for browser journeys:
//   GET  /metadata                           the IdP metadata an admin pastes (or gives as a URL)
//   GET  /sso?SAMLRequest=…&RelayState=…     a sign-in page asking for an email (input name="login",
//                                            button "Sign in", like the OIDC test IdP; no password)
//   POST /sso                                answers the request: an auto-submitting form that POSTs
//                                            SAMLResponse + RelayState to the request's ACS URL
// Anybody can sign in; the response is signed for the request's issuer (our per-workspace entity id)
// and names the email typed, lower-cased. Not a real IdP: it trusts the ACS URL the request names.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { closeServer, LOOPBACK, listenOnLoopback } from './loopback-server';
import { readRequestBody } from './read-request-body';
import { createSamlTestIdp, decodeAuthnRequest, type SamlTestIdp } from './saml-test-idp';

export type SamlTestIdpServer = {
  /** http://127.0.0.1:PORT (no trailing slash). */
  url: string;
  /** Its entity id, sign-in URL (url + /sso), certificate and response signer. */
  idp: SamlTestIdp;
  stop(): Promise<void>;
};

const HOST = LOOPBACK;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export async function startSamlTestIdpServer(
  options: { port?: number; entityId?: string } = {},
): Promise<SamlTestIdpServer> {
  // Set once the server has its port: the IdP's sign-in URL is part of its metadata.
  let idp: SamlTestIdp | undefined;
  const server = createServer((req, res) => {
    if (!idp) return send(res, 503, 'starting', 'text/plain');
    handle(idp, req, res).catch((error: unknown) => {
      console.error('[saml-test-idp] request failed', error);
      send(res, 500, 'internal error', 'text/plain');
    });
  });
  const port = await listenOnLoopback(server, options.port ?? 0);
  const url = `http://${HOST}:${port}`;
  idp = await createSamlTestIdp({ entityId: options.entityId ?? `${url}/metadata`, ssoUrl: `${url}/sso` });

  return {
    url,
    idp,
    stop: () => closeServer(server),
  };
}

async function handle(idp: SamlTestIdp, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', `http://${HOST}`);
  if (req.method === 'GET' && url.pathname === '/metadata')
    return send(res, 200, idp.metadataXml(), 'application/samlmetadata+xml');
  if (url.pathname !== '/sso') return send(res, 404, 'not found', 'text/plain');

  if (req.method === 'GET') {
    const samlRequest = url.searchParams.get('SAMLRequest');
    if (!samlRequest) return send(res, 400, 'SAMLRequest is missing', 'text/plain');
    return send(res, 200, signInPage(samlRequest, url.searchParams.get('RelayState')), 'text/html');
  }
  if (req.method !== 'POST') return send(res, 405, 'method not allowed', 'text/plain');

  const form = new URLSearchParams((await readRequestBody(req, 64 * 1024)) ?? '');
  const samlRequest = form.get('SAMLRequest') ?? '';
  const relayState = form.get('RelayState');
  const email = (form.get('login') ?? '').trim().toLowerCase();
  if (!EMAIL.test(email))
    return send(res, 400, signInPage(samlRequest, relayState, 'Enter an email address.'), 'text/html');

  const request = decodeAuthnRequest(`${url.origin}/sso?${new URLSearchParams({ SAMLRequest: samlRequest })}`);
  const response = idp.signedResponse({
    audience: request.issuer,
    acsUrl: request.acsUrl,
    inResponseTo: request.id,
    email,
    name: email.split('@')[0],
  });
  return send(res, 200, postToAcs(request.acsUrl, response, relayState), 'text/html');
}

function signInPage(samlRequest: string, relayState: string | null, error?: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Test SAML identity provider: sign in</title></head>
<body>
<main>
  <h1>Test SAML identity provider</h1>
  <p>Any email address works; there is no password.</p>
  ${error ? `<p role="alert">${escapeHtml(error)}</p>` : ''}
  <form method="post" action="/sso">
    <input type="hidden" name="SAMLRequest" value="${escapeHtml(samlRequest)}">
    ${relayState === null ? '' : `<input type="hidden" name="RelayState" value="${escapeHtml(relayState)}">`}
    <label>Email <input type="email" name="login" required autofocus></label>
    <button type="submit">Sign in</button>
  </form>
</main>
</body>
</html>`;
}

/** The HTTP-POST binding: the browser carries the response to the ACS. */
function postToAcs(acsUrl: string, samlResponse: string, relayState: string | null): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Signing in…</title></head>
<body onload="document.forms[0].submit()">
  <form method="post" action="${escapeHtml(acsUrl)}">
    <input type="hidden" name="SAMLResponse" value="${escapeHtml(samlResponse)}">
    ${relayState === null ? '' : `<input type="hidden" name="RelayState" value="${escapeHtml(relayState)}">`}
    <noscript><button type="submit">Continue</button></noscript>
  </form>
</body>
</html>`;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

function send(res: ServerResponse, status: number, body: string, type: string): void {
  res.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' }).end(body);
}
