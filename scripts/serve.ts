// npm run dev (and the e2e server): one command from a fresh clone to two seeded workspaces.
//   1. a database: DATABASE_URL's, or an embedded PostgreSQL under .data/ when it is unset;
//   2. migrations and seed data, applied as on any deploy;
//   3. Next.js (`next dev`, or `next start` after a build) with the runtime roles' URLs;
//   4. a job worker (scripts/worker.ts) beside it, restarted if it dies, stopped with Next.
// Usage: tsx scripts/serve.ts dev|start [--port N] [--database NAME] [--fresh]
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { seed } from '../prisma/seed';
import { SEED_PASSWORD } from '../prisma/seed-data';
import { databaseServer, databaseUrl } from './db/database-server';
import { dropDatabase } from './db/fresh-database';
import { migrate } from './db/migrate';
import { withClient } from './db/with-client';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    port: { type: 'string', default: '3000' },
    database: { type: 'string' },
    fresh: { type: 'boolean', default: false },
  },
});
const mode = positionals[0] === 'start' ? 'start' : 'dev';

const server = await databaseServer('dev');
const database = values.database ?? (server.embedded ? 'app' : undefined);
if (database) {
  if (values.fresh) await dropDatabase(server.url, database);
  await ensureDatabase(server.url, database);
}
process.env.DATABASE_URL = database ? databaseUrl(server.url, database) : server.url;
try {
  await migrate();
  const seeded = await seed();
  console.log(seeded.length ? `[db] seeded ${seeded.join(', ')}` : '[db] seed data already present');
} catch (error) {
  console.error(`[db] ${error instanceof Error ? error.message : String(error)}`);
  if (server.embedded) {
    console.error('[db] The embedded database lives in .data/dev-pg: delete that folder to start from scratch.');
  }
  await server.stop();
  process.exit(1);
}

const { env } = await import('../lib/env');
const { appDatabaseUrl, authDatabaseUrl, billingDatabaseUrl, jobWorkerDatabaseUrl, platformDatabaseUrl } = await import(
  '../lib/db/role-urls'
);
const port = values.port;
const root = env().ROOT_DOMAIN;
console.log(`
  Database   ${server.embedded ? `embedded PostgreSQL (${database})` : 'DATABASE_URL'}
  Jobs       a worker beside the server (graphile-worker, in PostgreSQL)
  Limits     ${env().REDIS_URL ? 'Redis (REDIS_URL)' : 'in this process (REDIS_URL unset: fine for one process)'}
  Marketing  http://${root}:${port}
  Acme       http://acme.${root}:${port}
  Globex     http://globex.${root}:${port}
  Sign in    alice@acme.test (acme's owner) or any seeded user, password ${SEED_PASSWORD}
`);

const runtimeEnv = {
  ...process.env,
  APP_DATABASE_URL: appDatabaseUrl(env()),
  AUTH_DATABASE_URL: authDatabaseUrl(env()),
  BILLING_DATABASE_URL: billingDatabaseUrl(env()),
  PLATFORM_DATABASE_URL: platformDatabaseUrl(env()),
  JOB_WORKER_DATABASE_URL: jobWorkerDatabaseUrl(env()),
};
const next = spawn(process.execPath, ['node_modules/next/dist/bin/next', mode, '--port', port], {
  stdio: 'inherit',
  env: runtimeEnv,
});
let stopping = false;
let worker = startJobWorker();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    stopping = true;
    worker.kill(signal);
    next.kill(signal);
  });
}
next.on('exit', async (code) => {
  stopping = true;
  worker.kill('SIGTERM');
  await server.stop();
  process.exit(code ?? 0);
});

function startJobWorker() {
  const child = spawn(process.execPath, ['--conditions', 'react-server', '--import', 'tsx', 'scripts/worker.ts'], {
    stdio: 'inherit',
    env: runtimeEnv,
  });
  child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(
      `[jobs] the worker stopped (${signal ?? `exit ${code}`}); jobs wait in the queue. Restarting in 5 s.`,
    );
    setTimeout(() => {
      if (!stopping) worker = startJobWorker();
    }, 5_000).unref();
  });
  return child;
}

async function ensureDatabase(serverUrl: string, name: string): Promise<void> {
  await withClient(serverUrl, async (client) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  });
}
