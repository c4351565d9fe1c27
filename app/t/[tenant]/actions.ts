'use server';
// The projects list's actions (the workspace home). Each names its permission
// (lib/auth/permissions.ts); another workspace's project id is simply not found.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { type ActionState, failure, success } from '@/lib/actions/action-state';
import { answerChange } from '@/lib/actions/answer-change';
import { tenantAction } from '@/lib/actions/tenant-action';
import { fileStorage } from '@/lib/files/storage-from-env';
import { archiveProject } from '@/lib/projects/archive-project';
import type { ChangeResult } from '@/lib/projects/change-result';
import { createProject } from '@/lib/projects/create-project';
import { deleteProject } from '@/lib/projects/delete-project';
import { ProjectName } from '@/lib/projects/project-fields';
import { renameProject } from '@/lib/projects/rename-project';

function answer(result: ChangeResult, slug: string, message: (name: string) => string): ActionState {
  return answerChange(result, message, () => revalidatePath(`/t/${slug}`, 'layout'));
}

export const createProjectAction = tenantAction(
  z.object({ name: ProjectName }),
  'projects.create',
  async ({ name }, { db, user, workspace }) => {
    const result = await createProject(db, workspace.id, user, name);
    if (!result.ok)
      return result.field
        ? failure('Please correct the fields marked below.', { [result.field]: [result.error] })
        : failure(result.error);
    revalidatePath(`/t/${workspace.slug}`);
    return success(`Created ${name}.`);
  },
);

export const renameProjectAction = tenantAction(
  z.object({ projectId: z.string(), name: ProjectName }),
  'projects.edit',
  async (input, { db, user, workspace }) =>
    answer(await renameProject(db, user, input), workspace.slug, (name) => `Renamed to ${name}.`),
);

export const archiveProjectAction = tenantAction(
  z.object({ projectId: z.string(), archived: z.enum(['true', 'false']) }),
  'projects.edit',
  async ({ projectId, archived }, { db, user, workspace }) =>
    answer(await archiveProject(db, user, { projectId, archived: archived === 'true' }), workspace.slug, (name) =>
      archived === 'true' ? `Archived ${name}.` : `Restored ${name}.`,
    ),
);

export const deleteProjectAction = tenantAction(
  z.object({ projectId: z.string() }),
  'projects.delete',
  async (input, { db, user, workspace }) =>
    answer(
      await deleteProject(db, fileStorage(), workspace.id, user, input),
      workspace.slug,
      (name) => `Deleted ${name}.`,
    ),
);
