'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { failure, success } from '@/lib/actions/action-state';
import { tenantAction } from '@/lib/actions/tenant-action';
import { mapScimGroupRole } from '@/lib/scim/map-scim-group-role';
import { rotateScimToken } from '@/lib/scim/rotate-scim-token';
import { ScimFailure } from '@/lib/scim/scim-failure';

export const rotateScimTokenAction = tenantAction(
  z.object({}),
  'scim.manage',
  async (_input, { db, user, workspace }) => {
    const { token } = await rotateScimToken(db, workspace.id, user);
    revalidatePath(`/t/${workspace.slug}/settings/sso`);
    // Shown once, here; only its hash is kept.
    return success(`Copy this token into your identity provider now; it will not be shown again: ${token}`);
  },
);

const GroupRole = z.object({ groupId: z.uuid(), role: z.enum(['none', 'member', 'admin']) });

export const mapGroupRoleAction = tenantAction(
  GroupRole,
  'scim.manage',
  async ({ groupId, role }, { db, user, workspace }) => {
    try {
      await mapScimGroupRole(db, workspace.id, user, { groupId, role: role === 'none' ? null : role });
    } catch (error) {
      if (error instanceof ScimFailure) return failure('Group not found.');
      throw error;
    }
    revalidatePath(`/t/${workspace.slug}/settings/sso`);
    return success('Saved. Members of this group get their new role on their next request.');
  },
);
