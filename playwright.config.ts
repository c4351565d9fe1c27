// End-to-end tests in Debian's Chromium (/usr/bin/chromium: `apt-get install chromium`); Playwright's
// own browser downloads are not used. Run through `npm run test:e2e` (scripts/run-e2e.ts), which
// builds once, starts the database and a mail catcher, then hands over to Playwright. The app runs
// as in production (`next start`), twice: see e2e/support/e2e-servers.ts.
import { defineConfig } from '@playwright/test';
import {
  ACCOUNTS_SERVER,
  E2E_AUTH_SECRET,
  E2E_SSO,
  type E2eServer,
  HOSTS_SERVER,
  origin,
} from './e2e/support/e2e-servers';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  // Custom domains and the accounts server's root: these hosts resolve to this machine, in the browser only.
  '--host-resolver-rules=MAP *.acme-corp.test 127.0.0.1,MAP *.tenantry.test 127.0.0.1,MAP tenantry.test 127.0.0.1',
];

// Billing runs against the Stripe fake on the accounts server only (scripts/run-e2e.ts starts it).
const BILLING_ENV = onlySet({
  STRIPE_API_URL: process.env.E2E_STRIPE_API_URL,
  STRIPE_SECRET_KEY: process.env.E2E_STRIPE_SECRET_KEY,
  STRIPE_WEBHOOK_SECRET: process.env.E2E_STRIPE_WEBHOOK_SECRET,
  STRIPE_PRICE_PRO: process.env.E2E_STRIPE_PRICE_PRO,
});

// Single sign-on against the IdPs and the DNS server that each server's SSO spec starts.
function ssoEnv(server: E2eServer) {
  const ports = server === ACCOUNTS_SERVER ? E2E_SSO.accounts : E2E_SSO.hosts;
  return {
    SSO_ALLOW_HTTP: 'true',
    SSO_ENCRYPTION_KEY: E2E_SSO.encryptionKey,
    DOMAIN_CHECK_DNS_SERVERS: `127.0.0.1:${ports.dnsPort}`,
  };
}

// An empty variable is not "unset" to lib/env.ts (it is invalid), so unset ones are left out.
function onlySet(variables: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(variables).filter((entry): entry is [string, string] => Boolean(entry[1])));
}

function webServer(server: E2eServer) {
  return {
    command: `tsx --conditions react-server scripts/serve.ts start --port ${server.port} --database ${server.database} --fresh`,
    url: `http://localhost:${server.port}/robots.txt`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'pipe' as const,
    env: {
      ROOT_DOMAIN: server.root,
      APP_URL: origin(server),
      AUTH_SECRET: E2E_AUTH_SECRET,
      // Tenant files on local disk, one directory per server (lib/files/local-disk-storage.ts).
      FILES_DIR: `.data/e2e-files-${server.port}`,
      ...onlySet({ SMTP_URL: process.env.E2E_SMTP_URL, REDIS_URL: process.env.E2E_REDIS_URL }),
      // Each server counts apart: all the suite's requests come from one address.
      ...onlySet({
        REDIS_KEY_PREFIX: process.env.E2E_REDIS_KEY_PREFIX && `${process.env.E2E_REDIS_KEY_PREFIX}${server.port}:`,
      }),
      ...ssoEnv(server),
      ...(server === ACCOUNTS_SERVER ? BILLING_ENV : {}),
    },
  };
}

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'hosts', testMatch: /hosts\/.*\.spec\.ts/, use: { baseURL: origin(HOSTS_SERVER) } },
    { name: 'accounts', testMatch: /accounts\/.*\.spec\.ts/, use: { baseURL: origin(ACCOUNTS_SERVER) } },
  ],
  webServer: [webServer(HOSTS_SERVER), webServer(ACCOUNTS_SERVER)],
});
