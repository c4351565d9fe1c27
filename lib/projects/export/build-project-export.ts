// Builds an export's CSV in batches, writing the progress after each one, so the page waiting for
// it can show how far along it is. Safe to run again after a crash: it starts from the first row.
// Runs as the workspace's job (lib/jobs), with its tenantDb: another workspace's export id is "gone".
import type { TenantDb } from '../../db/tenant-db';
import { tasksCsvHeader, tasksCsvRows } from './tasks-csv';

export const EXPORT_BATCH_ROWS = 500;

export type BuildOutcome = 'built' | 'gone' | 'already-built';

export async function buildProjectExport(db: TenantDb, exportId: string): Promise<BuildOutcome> {
  const found = await db.projectExport.findFirst({
    where: { id: exportId },
    select: { projectId: true, status: true },
  });
  if (!found) return 'gone';
  if (found.status === 'done') return 'already-built';
  const { projectId } = found;
  const rowsTotal = await db.task.count({ where: { projectId } });
  await db.projectExport.updateMany({
    where: { id: exportId },
    data: { status: 'running', rowsDone: 0, rowsTotal, error: null },
  });

  const parts = [tasksCsvHeader()];
  let rowsDone = 0;
  let after: { createdAt: Date; id: string } | undefined;
  for (;;) {
    // Keyset pagination: each batch starts after the last row of the one before, however large the project.
    const batch = await db.task.findMany({
      where: {
        projectId,
        ...(after && {
          OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, id: { gt: after.id } }],
        }),
      },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: EXPORT_BATCH_ROWS,
      select: { id: true, title: true, status: true, createdAt: true },
    });
    if (batch.length === 0) break;
    parts.push(tasksCsvRows(batch));
    rowsDone += batch.length;
    await db.projectExport.updateMany({ where: { id: exportId }, data: { rowsDone } });
    const last = batch[batch.length - 1];
    if (!last || batch.length < EXPORT_BATCH_ROWS) break;
    after = { createdAt: last.createdAt, id: last.id };
  }

  await db.projectExport.updateMany({
    where: { id: exportId },
    data: { status: 'done', csv: parts.join(''), rowsDone, rowsTotal: rowsDone, finishedAt: new Date() },
  });
  return 'built';
}

export async function markProjectExportFailed(db: TenantDb, exportId: string, reason: string): Promise<void> {
  await db.projectExport.updateMany({
    where: { id: exportId, status: { not: 'done' } },
    data: { status: 'failed', error: reason.slice(0, 500), finishedAt: new Date() },
  });
}
