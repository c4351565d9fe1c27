// Background jobs carry their tenant: a job queued for A runs with A's database client and sees
// only A's rows, whatever its payload claims; a job without a believable tenant never runs. Real
// PostgreSQL, a real graphile-worker worker as job_worker, tenant work as app_user.
import type { Runner } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { eventually } from '../../tests/support/eventually';
import { createTenant } from '../../tests/support/tenants';
import { asOwner, startTestWorker } from '../../tests/support/test-worker';
import { tenantDb } from '../db/tenant-db';
import { enqueue } from './enqueue';
import { defineTenantTask } from './tenant-task';

type Tenant = { id: string; slug: string };
const seen = new Map<string, { tenantId: string; projects: string[] }>();
const attempts = new Map<string, number>();
const gaveUp = new Set<string>();

const readProjects = defineTenantTask({
  name: 'test-read-projects',
  payload: z.object({ marker: z.string() }),
  run: async ({ db, tenantId, payload }) => {
    const projects = await db.project.findMany({ select: { name: true }, orderBy: { name: 'asc' } });
    seen.set(payload.marker, { tenantId, projects: projects.map((project) => project.name) });
  },
});

const alwaysFails = defineTenantTask({
  name: 'test-always-fails',
  payload: z.object({ marker: z.string() }),
  maxAttempts: 2,
  run: async ({ payload }) => {
    attempts.set(payload.marker, (attempts.get(payload.marker) ?? 0) + 1);
    throw new Error('the remote service is down');
  },
  giveUp: async ({ payload }) => {
    gaveUp.add(payload.marker);
  },
});

let worker: Runner;
let acme: Tenant;
let globex: Tenant;

beforeAll(async () => {
  acme = await createTenant('acme');
  globex = await createTenant('globex');
  await tenantDb(acme.id).project.create({ data: { name: 'acme-roadmap' } });
  await tenantDb(globex.id).project.create({ data: { name: 'globex-secret-plan' } });
  worker = await startTestWorker([readProjects, alwaysFails]);
});
afterAll(async () => {
  await worker.stop();
});

const deadLetterOf = (jobId: string) =>
  eventually(`job ${jobId} dead-lettered`, async () => {
    const [row] = await asOwner<{ named_tenant_id: string | null; reason: string; attempts: number }>(
      'SELECT named_tenant_id, reason, attempts FROM job_dead_letters WHERE job_id = $1',
      [jobId],
    );
    return row;
  });

describe('a tenant job runs as its tenant', () => {
  it("reads only its tenant's rows", async () => {
    await enqueue(acme.id, readProjects, { marker: 'acme-1' });
    const run = await eventually('the job ran', async () => seen.get('acme-1'));
    expect(run).toEqual({ tenantId: acme.id, projects: ['acme-roadmap'] });
  });

  it('a payload naming another tenant changes nothing: it still runs as the tenant that queued it', async () => {
    // enqueue() ignores such a field, and so does the database: the envelope's tenant is the statement's.
    const forged = { marker: 'acme-forged', tenantId: globex.id } as { marker: string };
    await enqueue(acme.id, readProjects, forged);
    expect(await eventually('the job ran', async () => seen.get('acme-forged'))).toEqual({
      tenantId: acme.id,
      projects: ['acme-roadmap'],
    });
  });

  it('a bad payload is refused when queued, and nothing is queued', async () => {
    await expect(enqueue(acme.id, readProjects, { marker: 7 } as unknown as { marker: string })).rejects.toThrow();
    await expect(enqueue('acme', readProjects, { marker: 'x' })).rejects.toThrow(/Not a tenant id/);
  });
});

describe('a job without a believable tenant fails closed', () => {
  // Written straight into the queue, as only someone with the queue's own rights could.
  async function rawJob(payload: unknown): Promise<string> {
    const [job] = await asOwner<{ id: string }>(
      "SELECT id FROM graphile_worker.add_job('tenant:test-read-projects', $1::json)",
      [JSON.stringify(payload)],
    );
    return String(job?.id);
  }

  it.each([
    ['no tenant', { payload: { marker: 'none' } }, null, 'the job names no tenant'],
    ['a malformed tenant id', { tenantId: "x' OR 1=1", payload: { marker: 'bad' } }, "x' OR 1=1", 'malformed'],
    [
      'a workspace that does not exist (or was deleted)',
      { tenantId: '00000000-0000-4000-8000-000000000000', payload: { marker: 'gone' } },
      '00000000-0000-4000-8000-000000000000',
      'no longer exists',
    ],
  ])('%s: not run, logged and kept', async (_label, payload, namedTenant, reason) => {
    const jobId = await rawJob(payload);
    const letter = await deadLetterOf(jobId);
    expect(letter.named_tenant_id).toBe(namedTenant);
    expect(letter.reason).toContain(reason);
    expect(seen.has(payload.payload.marker)).toBe(false);
    // The queue forgot it: it will not come back.
    expect(await asOwner('SELECT 1 FROM graphile_worker._private_jobs WHERE id = $1', [jobId])).toEqual([]);
  });

  it("a payload that fails the task's schema is not run", async () => {
    const jobId = await rawJob({ tenantId: acme.id, payload: { marker: 42 } });
    expect((await deadLetterOf(jobId)).reason).toContain('does not parse');
  });
});

describe('retries, dead letters and job keys', () => {
  it('retries a failing job with backoff, then dead-letters it and tells the task', async () => {
    const jobId = await enqueue(acme.id, alwaysFails, { marker: 'flaky' });
    const letter = await deadLetterOf(jobId);
    expect(letter).toMatchObject({ named_tenant_id: acme.id, attempts: 2 });
    expect(letter.reason).toContain('the remote service is down');
    expect(attempts.get('flaky')).toBe(2);
    expect(gaveUp.has('flaky')).toBe(true);
  }, 30_000);

  it('a job key keeps one waiting job per tenant, and each tenant its own', async () => {
    const later = new Date(Date.now() + 3_600_000);
    const first = await enqueue(acme.id, readProjects, { marker: 'k1' }, { jobKey: 'nightly', runAt: later });
    const second = await enqueue(acme.id, readProjects, { marker: 'k2' }, { jobKey: 'nightly', runAt: later });
    const globexJob = await enqueue(globex.id, readProjects, { marker: 'k3' }, { jobKey: 'nightly', runAt: later });
    expect(second).toBe(first);
    expect(globexJob).not.toBe(first);
    const [waiting] = await asOwner<{ payload: { payload: { marker: string } } }>(
      'SELECT payload FROM graphile_worker._private_jobs WHERE id = $1',
      [first],
    );
    expect(waiting?.payload.payload.marker).toBe('k2');
  });

  // The fair order's counts (job_tenant_windows) are the database's: a tenant cannot read another's
  // burst, nor lower its own count to jump the queue; only enqueue_tenant_job() writes them.
  it("app_user cannot read or write the fairness windows; enqueuing for A counts A's window alone", async () => {
    const windowOf = async (tenant: Tenant) =>
      (await asOwner<{ queued: number }>('SELECT queued FROM job_tenant_windows WHERE tenant_id = $1', [tenant.id]))[0]
        ?.queued ?? 0;
    const [acmeBefore, globexBefore] = [await windowOf(acme), await windowOf(globex)];
    await enqueue(acme.id, readProjects, { marker: 'window' }, { runAt: new Date(Date.now() + 3_600_000) });
    expect(await windowOf(acme)).toBe(acmeBefore + 1);
    expect(await windowOf(globex)).toBe(globexBefore);

    await expect(tenantDb(acme.id).$queryRaw`SELECT * FROM job_tenant_windows`).rejects.toThrow(/permission denied/);
    await expect(
      tenantDb(acme.id).$executeRaw`UPDATE job_tenant_windows SET queued = 0 WHERE tenant_id = ${acme.id}::uuid`,
    ).rejects.toThrow(/permission denied/);
  });
});
