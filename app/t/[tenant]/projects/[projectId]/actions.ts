'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { failure, success } from '@/lib/actions/action-state';
import { tenantAction } from '@/lib/actions/tenant-action';
import { requestProjectExport } from '@/lib/projects/export/request-project-export';

const ExportRequest = z.object({ projectId: z.uuid('This project does not exist.') });

export const exportProjectAction = tenantAction(
  ExportRequest,
  'projects.export',
  async ({ projectId }, { db, user, workspace }) => {
    const requested = await requestProjectExport(db, projectId, user);
    if (!requested.ok) return failure(requested.error);
    revalidatePath(`/t/${workspace.slug}/projects/${projectId}`);
    return success('Export started. It appears below when it is ready.');
  },
);
