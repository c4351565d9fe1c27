'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { failure, success } from '@/lib/actions/action-state';
import { tenantAction } from '@/lib/actions/tenant-action';
import { can } from '@/lib/auth/permissions';
import { deleteFile } from '@/lib/files/delete-file';
import { fileStorage } from '@/lib/files/storage-from-env';
import { requestProjectExport } from '@/lib/projects/export/request-project-export';

const RemoveAttachment = z.object({ fileId: z.uuid() });

export const removeAttachmentAction = tenantAction(
  RemoveAttachment,
  'files.attach',
  async ({ fileId }, { db, user, role, workspace }) => {
    const result = await deleteFile(db, fileStorage(), user, {
      fileId,
      purpose: 'task-attachment',
      mayDeleteOthers: can(role, 'files.manage'),
    });
    if (!result.ok) return failure(result.error);
    revalidatePath(`/t/${workspace.slug}/projects`, 'layout');
    return success(`Removed ${result.name}.`);
  },
);

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
