// The two app servers the e2e suite runs (one build, two `next start`s):
//  - hosts: ROOT_DOMAIN=localhost, as in development (acme.localhost). Browsers refuse a shared
//    cookie for localhost, so every workspace host signs in through a handoff.
//  - accounts: ROOT_DOMAIN=tenantry.test (Chromium resolves it through --host-resolver-rules), so
//    one session cookie covers every workspace subdomain, as in production.
export const E2E_AUTH_SECRET = 'e2e-only-secret-e2e-only-secret-e2e-only';

export const HOSTS_SERVER = { port: 3100, root: 'localhost', database: 'e2e' } as const;
export const ACCOUNTS_SERVER = { port: 3101, root: 'tenantry.test', database: 'e2e_accounts' } as const;

export type E2eServer = typeof HOSTS_SERVER | typeof ACCOUNTS_SERVER;

export function origin(server: E2eServer, subdomain?: string): string {
  return `http://${subdomain ? `${subdomain}.` : ''}${server.root}:${server.port}`;
}

/** Set by scripts/run-e2e.ts, which starts the mail catcher before the servers. */
export function mailCatcherUrl(): string {
  const url = process.env.E2E_MAIL_CATCHER_URL;
  if (!url) throw new Error('E2E_MAIL_CATCHER_URL is not set: run the e2e suite with `npm run test:e2e`');
  return url;
}

/** Single sign-on: the test IdPs speak plain http on loopback, and each server checks email-domain
 *  TXT records against a DNS server its SSO spec starts on a fixed port. */
export const E2E_SSO = {
  encryptionKey: Buffer.alloc(32, 7).toString('base64'),
  accounts: { dnsPort: 5391, oidcPort: 4455 },
  hosts: { dnsPort: 5392, oidcPort: 4456 },
} as const;
