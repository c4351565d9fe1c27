// End-to-end tests in Debian's Chromium (/usr/bin/chromium: `apt-get install chromium`); Playwright's
// own browser downloads are not used. The app runs as in production (`next build` + `next start`)
// on a fresh, seeded database named e2e.
import { defineConfig } from '@playwright/test';

const PORT = 3100;
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  // Custom domains in tests: these hosts resolve to this machine, in the browser only.
  '--host-resolver-rules=MAP *.acme-corp.test 127.0.0.1',
];

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    baseURL: `http://localhost:${PORT}`,
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: `next build && tsx --conditions react-server scripts/serve.ts start --port ${PORT} --database e2e --fresh`,
    url: `http://localhost:${PORT}`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'pipe',
  },
});
