'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { failure, success } from '@/lib/actions/action-state';
import { tenantAction } from '@/lib/actions/tenant-action';
import { deleteFile } from '@/lib/files/delete-file';
import { fileStorage } from '@/lib/files/storage-from-env';
import { RenameWorkspaceInput, renameWorkspace } from '@/lib/workspaces/rename-workspace';

export const renameWorkspaceAction = tenantAction(
  RenameWorkspaceInput,
  'workspace.rename',
  async ({ name }, { db, user, workspace }) => {
    const result = await renameWorkspace(db, user, workspace, name);
    if (!result.changed) return success('The name is unchanged.');
    revalidatePath(`/t/${workspace.slug}`, 'layout');
    return success(`Renamed the workspace to ${result.name}.`);
  },
);

export const removeLogoAction = tenantAction(
  z.object({ fileId: z.uuid() }),
  'workspace.brand',
  async ({ fileId }, { db, user, workspace }) => {
    const result = await deleteFile(db, fileStorage(), user, { fileId, purpose: 'logo', mayDeleteOthers: true });
    if (!result.ok) return failure(result.error);
    revalidatePath(`/t/${workspace.slug}`, 'layout');
    return success('Removed the logo.');
  },
);
