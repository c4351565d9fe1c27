// A finished export's file, with its project's name for the download's file name; null when it is
// not this workspace's, or not finished.
import 'server-only';
import { z } from 'zod';
import { tenantDb } from '../../db/tenant-db';

export async function readProjectExport(tenantId: string, exportId: string) {
  if (!z.uuid().safeParse(exportId).success) return null;
  const found = await tenantDb(tenantId).projectExport.findFirst({
    where: { id: exportId, status: 'done' },
    select: { csv: true, createdAt: true, project: { select: { name: true } } },
  });
  if (!found || found.csv === null) return null;
  return { csv: found.csv, createdAt: found.createdAt, projectName: found.project.name };
}
