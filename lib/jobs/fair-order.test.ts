// The noisy neighbour in the queue: workspace A queues 10,000 jobs, then B queues one. B's job must
// not wait behind A's burst. The bound, stated as order (robust on a busy machine) and as time: once
// B's job is committed, at most 2 × CONCURRENCY of A's jobs start before it (fetches already under
// way when it committed), and it starts within 2 s of B asking.
import type { Runner } from 'graphile-worker';
import pg from 'pg';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { z } from 'zod';
import { eventually } from '../../tests/support/eventually';
import { createTenant } from '../../tests/support/tenants';
import { asOwner, startTestWorker } from '../../tests/support/test-worker';
import { enqueue } from './enqueue';
import { defineTenantTask } from './tenant-task';

const CONCURRENCY = 4;
const BURST = 10_000;
const starts: string[] = [];
let quietStartedAt: number | undefined;

const noisy = defineTenantTask({
  name: 'test-noisy',
  payload: z.object({ n: z.number() }),
  run: async ({ db }) => {
    starts.push('noisy');
    await db.project.count();
  },
});
const quiet = defineTenantTask({
  name: 'test-quiet',
  payload: z.object({}),
  run: async () => {
    starts.push('quiet');
    quietStartedAt = Date.now();
  },
});

let worker: Runner;
let app: pg.Client;
beforeAll(async () => {
  app = new pg.Client({ connectionString: inject('appUrl') });
  await app.connect();
});
afterAll(async () => {
  await worker?.stop();
  await app.end();
  await asOwner(
    "DELETE FROM graphile_worker._private_jobs WHERE task_id IN (SELECT id FROM graphile_worker._private_tasks WHERE identifier = 'tenant:test-noisy')",
  );
});

it("a quiet workspace's one job starts right away during another's burst of 10,000", async () => {
  const loud = await createTenant('loud');
  const calm = await createTenant('calm');
  // The burst, 1,000 jobs a statement, through the same function every enqueue uses.
  for (let batch = 0; batch < BURST / 1_000; batch++) {
    await app.query(
      `/* tenant:${loud.id} */ SELECT enqueue_tenant_job('test-noisy', json_build_object('n', i)::jsonb, NULL, NULL, 1, 0) FROM generate_series(1, 1000) AS i`,
    );
  }
  worker = await startTestWorker([noisy, quiet], CONCURRENCY);
  await eventually('the burst is being worked on', async () => (starts.length >= 200 ? true : undefined));

  const queuedAt = Date.now();
  await enqueue(calm.id, quiet, {});
  const before = starts.length; // from B's commit on: each worker's next fetch should find B's job
  await eventually('the quiet job started', async () => quietStartedAt, 30_000);

  const noisyStartedFirst = starts.indexOf('quiet') - before;
  const waitedMs = (quietStartedAt ?? 0) - queuedAt;
  console.log(
    `[fair-order] quiet job started after ${waitedMs} ms, ${noisyStartedFirst} noisy job(s) started before it`,
  );
  expect(noisyStartedFirst).toBeLessThanOrEqual(2 * CONCURRENCY);
  expect(waitedMs).toBeLessThan(2_000);
  // And the burst was still there: this was the noisy case, not an empty queue.
  expect(starts.length).toBeLessThan(BURST);
});
