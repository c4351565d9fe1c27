// npm run bench:jobs — the job queue with its tenant machinery, in one run on one fresh database:
//   A. throughput: JOBS tenant jobs over TENANTS workspaces, queued through enqueue_tenant_job()
//      (fair order) and run through the worker's tenant check with tenantDb, each doing one
//      tenant query. Baseline, same run, same worker settings: the same number of jobs added
//      straight with graphile_worker.add_job (no envelope, no priority), whose handler runs the
//      same Prisma query through globalDb (app_user, no tenant): the work without the machinery. Targets: ≥ 0.9× the baseline, ≥ 500 jobs/s.
//   B. fairness: a quiet workspace queues one job every 50 ms, QUIET jobs in all, first with the
//      queue idle, then while a noisy workspace has BURST jobs queued (each ~2 ms of work). The quiet
//      jobs' wait (queued → started), p50 and p99. Target: p99 during the burst ≤ 2× idle.
import pg from 'pg';
import { z } from 'zod';
import { benchDatabase } from './bench-database';
import { ms, ratio } from './measure';

const JOBS = Number(process.env.BENCH_JOBS ?? 5_000);
const TENANTS = Number(process.env.BENCH_TENANTS ?? 50);
const BURST = Number(process.env.BENCH_BURST ?? 10_000);
const QUIET = Number(process.env.BENCH_QUIET ?? 100);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
// Tenant jobs without a lane cap (lanesPerTenant unset), as most tasks are.
const LANES = 0;

const database = await benchDatabase('jobs');
const { urls } = database;

const { run } = await import('graphile-worker');
const { defineTenantTask } = await import('../lib/jobs/tenant-task');
const { startWorker } = await import('../scripts/jobs/start-worker');
const { appPool } = await import('../lib/db/app-pool');
const { globalDb } = await import('../lib/db/global-db');
const { jobLogger } = await import('../lib/jobs/job-logger');
const { createTenant } = await import('../tests/support/tenants');
const { tenantDb } = await import('../lib/db/tenant-db');

const owner = new pg.Client({ connectionString: urls.ownerUrl });
await owner.connect();
const app = new pg.Client({ connectionString: urls.appUrl });
await app.connect();

const tenants = await Promise.all(Array.from({ length: TENANTS }, (_, i) => createTenant(`bench-jobs-${i}`)));
for (const tenant of tenants) await tenantDb(tenant.id).project.create({ data: { name: 'p' } });

/** Queues `count` tenant jobs for `tenantId` in one statement, as app_user under the tenant's tag. */
async function enqueueMany(tenantId: string, task: string, count: number, payload: (i: string) => string) {
  // 1,000 a statement: app_user's statement timeout (15 s) is for requests, not for bulk loads.
  for (let from = 1; from <= count; from += 1_000) {
    await app.query(
      `/* tenant:${tenantId} */ SELECT enqueue_tenant_job($1, ${payload('i')}, NULL, NULL, 5, $2) FROM generate_series($3::int, $4::int) AS i`,
      [task, LANES, from, Math.min(count, from + 999)],
    );
  }
}

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));
async function drained(): Promise<void> {
  for (;;) {
    const { rows } = await owner.query<{ n: string }>('SELECT count(*) AS n FROM graphile_worker._private_jobs');
    if (Number(rows[0]?.n) === 0) return;
    await sleep(10);
  }
}

// ── A. Throughput ────────────────────────────────────────────────────────────────────────────
let done = 0;
const countProjects = defineTenantTask({
  name: 'bench-count',
  payload: z.object({ n: z.number() }),
  run: async ({ db }) => {
    await db.project.count();
    done++;
  },
});

async function throughputOurs(): Promise<number> {
  done = 0;
  const perTenant = Math.ceil(JOBS / TENANTS);
  for (const tenant of tenants)
    await enqueueMany(tenant.id, 'bench-count', perTenant, (i) => `json_build_object('n', ${i})::jsonb`);
  const total = perTenant * TENANTS;
  const worker = await startWorker({
    connectionString: urls.jobWorkerUrl,
    concurrency: CONCURRENCY,
    schedule: false,
    tenantTasks: [countProjects],
    pollInterval: 1_000,
  });
  const t0 = performance.now();
  await drained();
  const seconds = (performance.now() - t0) / 1000;
  await worker.stop();
  if (done !== total) throw new Error(`ran ${done} of ${total} jobs`);
  return total / seconds;
}

async function throughputBaseline(): Promise<number> {
  done = 0;
  const total = Math.ceil(JOBS / TENANTS) * TENANTS;
  await owner.query(
    "SELECT graphile_worker.add_job('bench-plain', json_build_object('n', i)) FROM generate_series(1, $1) AS i",
    [total],
  );
  const db = globalDb();
  const runner = await run({
    connectionString: urls.jobWorkerUrl,
    concurrency: CONCURRENCY,
    maxPoolSize: CONCURRENCY + 2,
    pollInterval: 1_000,
    noHandleSignals: true,
    logger: jobLogger(),
    taskList: {
      'bench-plain': async () => {
        await db.project.count();
        done++;
      },
    },
  });
  const t0 = performance.now();
  await drained();
  const seconds = (performance.now() - t0) / 1000;
  await runner.stop();
  if (done !== total) throw new Error(`ran ${done} of ${total} jobs`);
  return total / seconds;
}

console.log(`A. Throughput: ${JOBS} jobs over ${TENANTS} workspaces, ${CONCURRENCY} at a time`);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
// One round of each first, not counted: the JIT and the pools warm up on whichever runs first.
await throughputBaseline();
await throughputOurs();
const baselineRates: number[] = [];
const oursRates: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  baselineRates.push(await throughputBaseline());
  oursRates.push(await throughputOurs());
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const baseline = median(baselineRates);
const ours = median(oursRates);
// Each round's pair ran back to back, so its ratio cancels the machine's drift; the median of them.
const pairRatio = median(oursRates.map((rate, i) => rate / (baselineRates[i] ?? rate)));
console.log(
  `   baseline, no tenant machinery: ${baselineRates.map((r) => r.toFixed(0)).join(', ')} jobs/s (median ${baseline.toFixed(0)})`,
);
console.log(
  `   ours, tenant context:          ${oursRates.map((r) => r.toFixed(0)).join(', ')} jobs/s (median ${ours.toFixed(0)})`,
);
console.log(
  `   ratio ours/baseline (median of the rounds' pairs) ${ratio(pairRatio)}: target ≥ 0.90× ${pairRatio >= 0.9 ? 'met' : 'MISSED'}`,
);
console.log(`   target ≥ 500 jobs/s: ${ours >= 500 ? 'met' : 'MISSED'} (${ours.toFixed(0)} jobs/s)`);

// ── B. Fairness ──────────────────────────────────────────────────────────────────────────────
const started = new Map<number, number>();
const quietTask = defineTenantTask({
  name: 'bench-quiet',
  payload: z.object({ n: z.number(), at: z.number() }),
  run: async ({ payload }) => {
    started.set(payload.n, Date.now() - payload.at);
  },
});
const noisyTask = defineTenantTask({
  name: 'bench-noisy',
  payload: z.object({ n: z.number() }),
  run: async ({ db }) => {
    await db.project.count();
    await sleep(2);
  },
});

async function quietWaits(withBurst: boolean): Promise<{ p50: number; p99: number; burstLeft: number }> {
  started.clear();
  const [noisy, quiet] = tenants;
  if (!noisy || !quiet) throw new Error('no tenants');
  if (withBurst) await enqueueMany(noisy.id, 'bench-noisy', BURST, (i) => `json_build_object('n', ${i})::jsonb`);
  const worker = await startWorker({
    connectionString: urls.jobWorkerUrl,
    concurrency: CONCURRENCY,
    schedule: false,
    tenantTasks: [quietTask, noisyTask],
    pollInterval: 1_000,
  });
  await sleep(500);
  for (let n = 0; n < QUIET; n++) {
    await app.query(
      `/* tenant:${quiet.id} */ SELECT enqueue_tenant_job('bench-quiet', json_build_object('n', ${n}::int, 'at', (extract(epoch from clock_timestamp()) * 1000)::bigint)::jsonb, NULL, NULL, 5, $1)`,
      [LANES],
    );
    await sleep(50);
  }
  while (started.size < QUIET) await sleep(10);
  const { rows } = await owner.query<{ n: string }>(
    "SELECT count(*) AS n FROM graphile_worker.jobs WHERE task_identifier = 'tenant:bench-noisy'",
  );
  await owner.query('DELETE FROM graphile_worker._private_jobs');
  await worker.stop();
  const waits = [...started.values()].sort((a, b) => a - b);
  const at = (q: number) => waits[Math.min(waits.length - 1, Math.floor(q * waits.length))] ?? 0;
  return { p50: at(0.5), p99: at(0.99), burstLeft: Number(rows[0]?.n) };
}

console.log(
  `B. Fairness: ${QUIET} quiet jobs, one every 50 ms; then again while a noisy workspace has ${BURST} queued`,
);
const idle = await quietWaits(false);
const burst = await quietWaits(true);
console.log(`   idle queue:   quiet wait p50 ${ms(idle.p50)}, p99 ${ms(idle.p99)}`);
console.log(
  `   during burst: quiet wait p50 ${ms(burst.p50)}, p99 ${ms(burst.p99)} (${burst.burstLeft} noisy jobs still queued at the end)`,
);
const fairness = burst.p99 / Math.max(idle.p99, 1);
console.log(`   ratio p99 burst/idle ${ratio(fairness)}: target ≤ 2× ${fairness <= 2 ? 'met' : 'MISSED'}`);

await owner.end();
await app.end();
await appPool().end();
await database.stop();
process.exit(0);
