// A member asks for a project's CSV: one export row and its job, in one transaction (a job without
// its row, or a row nobody will build, cannot happen). One waiting export per project at a time.
import 'server-only';
import type { TenantDb } from '../../db/tenant-db';
import { enqueueIn } from '../../jobs/enqueue';
import { exportProjectTask } from './export-project-task';

export type ExportRequest = { ok: true; exportId: string } | { ok: false; error: string };

export async function requestProjectExport(
  db: TenantDb,
  projectId: string,
  user: { id: string },
): Promise<ExportRequest> {
  return db.$transaction(async (tx): Promise<ExportRequest> => {
    // Locks the project row, so two clicks at once queue one export.
    const [project] = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM projects WHERE id = ${projectId}::uuid FOR UPDATE`;
    if (!project) return { ok: false, error: 'This project does not exist.' };
    const waiting = await tx.projectExport.findFirst({
      where: { projectId, status: { in: ['queued', 'running'] } },
      select: { id: true },
    });
    if (waiting) return { ok: false, error: 'An export of this project is already on its way.' };
    const created = await tx.projectExport.create({
      data: { projectId, requestedById: user.id },
      select: { id: true },
    });
    await enqueueIn(tx, exportProjectTask, { exportId: created.id });
    return { ok: true, exportId: created.id };
  });
}
