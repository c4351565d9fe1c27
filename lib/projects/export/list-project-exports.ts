// A project's recent exports, newest first, for the page (progress and download links).
import 'server-only';
import { tenantDb } from '../../db/tenant-db';

export const EXPORTS_SHOWN = 5;

export async function listProjectExports(tenantId: string, projectId: string) {
  return tenantDb(tenantId).projectExport.findMany({
    where: { projectId },
    orderBy: { createdAt: 'desc' },
    take: EXPORTS_SHOWN,
    select: { id: true, status: true, rowsDone: true, rowsTotal: true, error: true, createdAt: true, finishedAt: true },
  });
}

export type ProjectExportSummary = Awaited<ReturnType<typeof listProjectExports>>[number];
