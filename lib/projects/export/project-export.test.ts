// "Export as CSV" end to end below the page: the member's request writes the export and its job in
// one transaction, a real worker builds the file in batches with progress, and only the workspace
// that asked can read it. Real PostgreSQL, a real graphile-worker worker.
import type { Runner } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../../tests/support/eventually';
import { createTenant } from '../../../tests/support/tenants';
import { startTestWorker } from '../../../tests/support/test-worker';
import { authDb } from '../../db/auth-db';
import { tenantDb } from '../../db/tenant-db';
import { EXPORT_BATCH_ROWS } from './build-project-export';
import { exportProjectTask } from './export-project-task';
import { readProjectExport } from './read-project-export';
import { requestProjectExport } from './request-project-export';

type Tenant = { id: string; slug: string };
let worker: Runner;
let acme: Tenant;
let globex: Tenant;
let alice: { id: string };
let projectId: string;
const TASKS = EXPORT_BATCH_ROWS * 2 + 1;

beforeAll(async () => {
  acme = await createTenant('acme');
  globex = await createTenant('globex');
  alice = await authDb().user.create({ data: { email: `alice-${acme.slug}@acme.test` }, select: { id: true } });
  const db = tenantDb(acme.id);
  projectId = (await db.project.create({ data: { name: 'Roadmap, "2027"' }, select: { id: true } })).id;
  const start = Date.UTC(2026, 0, 1);
  await db.task.createMany({
    data: Array.from({ length: TASKS }, (_, i) => ({
      projectId,
      title: i === 0 ? '=HYPERLINK("http://evil.example","click")' : `Task ${i}`,
      status: i % 2 === 0 ? 'done' : 'todo',
      createdAt: new Date(start + i * 1000),
    })),
  });
  worker = await startTestWorker([exportProjectTask]);
});
afterAll(async () => {
  await worker.stop();
});

const finished = (tenantId: string, exportId: string) =>
  eventually('the export finished', async () => {
    const row = await tenantDb(tenantId).projectExport.findFirst({ where: { id: exportId } });
    return row && (row.status === 'done' || row.status === 'failed') ? row : undefined;
  });

describe('export a project as CSV', () => {
  it('builds every task in batches, with progress, as a file only the workspace can read', async () => {
    const requested = await requestProjectExport(tenantDb(acme.id), projectId, alice);
    if (!requested.ok) throw new Error(requested.error);
    const done = await finished(acme.id, requested.exportId);
    expect(done).toMatchObject({ status: 'done', rowsDone: TASKS, rowsTotal: TASKS });

    const file = await readProjectExport(acme.id, requested.exportId);
    const lines = file?.csv.split('\r\n') ?? [];
    expect(lines[0]).toBe('title,status,created_at');
    expect(lines).toHaveLength(TASKS + 2); // header, rows, and the empty string after the last CRLF
    // A title that is a spreadsheet formula is written as text, not run.
    expect(lines[1]).toBe(`"'=HYPERLINK(""http://evil.example"",""click"")",done,2026-01-01T00:00:00.000Z`);
    expect(lines[TASKS]).toBe(
      `Task ${TASKS - 1},done,${new Date(Date.UTC(2026, 0, 1) + (TASKS - 1) * 1000).toISOString()}`,
    );
    expect(file?.projectName).toBe('Roadmap, "2027"');

    // Another workspace cannot read it, nor export acme's project.
    expect(await readProjectExport(globex.id, requested.exportId)).toBeNull();
    expect(await requestProjectExport(tenantDb(globex.id), projectId, alice)).toEqual({
      ok: false,
      error: 'This project does not exist.',
    });
  });

  it('two clicks at once queue one export', async () => {
    const db = tenantDb(acme.id);
    const both = await Promise.all([
      requestProjectExport(db, projectId, alice),
      requestProjectExport(db, projectId, alice),
    ]);
    expect(both.filter((result) => result.ok)).toHaveLength(1);
    expect(both.find((result) => !result.ok)).toEqual({
      ok: false,
      error: 'An export of this project is already on its way.',
    });
    const started = both.find((result) => result.ok);
    if (started?.ok) await finished(acme.id, started.exportId);
  });
});
