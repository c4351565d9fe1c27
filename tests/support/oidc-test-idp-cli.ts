// An OpenID Connect identity provider for trying SSO during development, with no real IdP account:
//   npx tsx tests/support/oidc-test-idp-cli.ts --port 4455 --client-id X --client-secret Y \
//     --redirect-uri http://tenantry.test:3000/api/auth/callback/sso-acme
// then point the workspace's SSO connection at the printed issuer, with that client id and secret.
// Any email address signs in (no password). --redirect-uri may be repeated; --port 0 picks a free one.
import { parseArgs } from 'node:util';
import { startOidcTestIdp } from './oidc-test-idp';

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4455' },
    'client-id': { type: 'string' },
    'client-secret': { type: 'string' },
    'redirect-uri': { type: 'string', multiple: true },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535)
  fail(`--port must be a port number (0-65535), got "${values.port}"`);
const clientId = values['client-id'] ?? fail('--client-id is required');
const clientSecret = values['client-secret'] ?? fail('--client-secret is required');
const redirectUris = values['redirect-uri'] ?? fail('--redirect-uri is required (repeat it for several)');

const idp = await startOidcTestIdp({ port, clients: [{ clientId, clientSecret, redirectUris }] });

console.info(`OIDC test IdP running.
  Issuer:        ${idp.issuer}
  Discovery:     ${idp.issuer}/.well-known/openid-configuration
  Client:        ${clientId} (secret: ${clientSecret})
  Redirect URIs: ${redirectUris.join(', ')}
Sign in with any email address. Press Ctrl+C to stop.`);

const shutdown = () => {
  idp.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
