// npm run test:e2e: Playwright in Debian's Chromium. On a machine without that browser the e2e part
// is skipped with a message, so `npm test` still passes on a fresh machine with only Node; CI sets
// E2E_REQUIRED=1, and then a missing browser is a failure.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const browser = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(browser)) {
  const message = `[e2e] no Chromium at ${browser} (apt-get install chromium, or set CHROMIUM_PATH)`;
  if (process.env.E2E_REQUIRED === '1') {
    console.error(`${message}: required here`);
    process.exit(1);
  }
  console.warn(`${message}: end-to-end tests skipped`);
  process.exit(0);
}
const run = spawnSync('playwright', ['test', ...process.argv.slice(2)], { stdio: 'inherit', shell: false });
process.exit(run.status ?? 1);
