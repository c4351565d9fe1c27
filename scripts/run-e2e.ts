// npm run test:e2e: Playwright in Debian's Chromium. On a machine without that browser the e2e part
// is skipped with a message, so `npm test` still passes on a fresh machine with only Node; CI sets
// E2E_REQUIRED=1, and then a missing browser is a failure.
// Before Playwright starts the two app servers (playwright.config.ts), this builds the app once and
// starts what the servers share: the database server, a mail catcher for the emails they send, and
// a Stripe-compatible fake that delivers signed webhooks to the accounts server. Rate limits count
// in the machine's Redis when one answers (under a key prefix of this run), else in each server.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { startMailCatcher } from '../tests/support/mail-catcher';
import { deleteKeysWithPrefix, TEST_REDIS_URL, testRedis } from '../tests/support/redis-keys';
import { startStripeFake } from '../tests/support/stripe-fake';
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
const redis = await testRedis();
const redisKeyPrefix = `e2e:${process.pid}:${Date.now().toString(36)}:`;
if (!redis) console.warn(`[e2e] no Redis at ${TEST_REDIS_URL}: each server limits in process`);
const E2E_WEBHOOK_SECRET = 'whsec_e2e_only';
const stripe = await startStripeFake({
  webhook: { url: 'http://127.0.0.1:3101/api/webhooks/stripe', secret: E2E_WEBHOOK_SECRET },
});
const proPrice = stripe.seedPrice({
  currency: 'usd',
  unit_amount: 2900,
  recurring: { interval: 'month' },
  product_data: { name: 'Pro' },
});
let status = 1;
try {
  // Not spawnSync: the mail catcher lives in this process and must keep answering meanwhile.
  const run = spawn('playwright', ['test', ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: {
      ...process.env,
      DATABASE_URL: server.url,
      E2E_SMTP_URL: mail.smtpUrl,
      E2E_MAIL_CATCHER_URL: mail.httpUrl,
      E2E_STRIPE_API_URL: stripe.url,
      E2E_STRIPE_SECRET_KEY: stripe.secretKey,
      E2E_STRIPE_WEBHOOK_SECRET: E2E_WEBHOOK_SECRET,
      E2E_STRIPE_PRICE_PRO: proPrice.id,
      ...(redis ? { E2E_REDIS_URL: TEST_REDIS_URL, E2E_REDIS_KEY_PREFIX: redisKeyPrefix } : {}),
    },
  });
  status = await new Promise<number>((resolve) => run.on('exit', (code) => resolve(code ?? 1)));
} finally {
  await mail.stop();
  await stripe.stop();
  if (redis) {
    await deleteKeysWithPrefix(redis, redisKeyPrefix);
    redis.disconnect();
  }
  await server.stop();
}
process.exit(status);
