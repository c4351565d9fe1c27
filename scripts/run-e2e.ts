// npm run test:e2e: Playwright in Debian's Chromium. On a machine without that browser the e2e part
// is skipped with a message, so `npm test` still passes on a fresh machine with only Node; CI sets
// E2E_REQUIRED=1, and then a missing browser is a failure.
// Before Playwright starts the two app servers (playwright.config.ts), this builds the app once and
// starts what both servers share: the database server and a mail catcher for the emails they send.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { startMailCatcher } from '../tests/support/mail-catcher';
import { databaseServer } from './db/database-server';

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

const build = spawnSync('next', ['build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const server = await databaseServer('dev');
const mail = await startMailCatcher();
let status = 1;
try {
  // Not spawnSync: the mail catcher lives in this process and must keep answering meanwhile.
  const run = spawn('playwright', ['test', ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URL: server.url, E2E_SMTP_URL: mail.smtpUrl, E2E_MAIL_CATCHER_URL: mail.httpUrl },
  });
  status = await new Promise<number>((resolve) => run.on('exit', (code) => resolve(code ?? 1)));
} finally {
  await mail.stop();
  await server.stop();
}
process.exit(status);
