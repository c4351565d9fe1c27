'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { failure, success } from '@/lib/actions/action-state';
import { tenantAction } from '@/lib/actions/tenant-action';
import { createProject } from '@/lib/projects/create-project';

const NewProject = z.object({
  name: z.string().trim().min(1, 'Name the project.').max(100, 'Use at most 100 characters.'),
});

export const createProjectAction = tenantAction(
  NewProject,
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
