'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { failure, success } from '@/lib/actions/action-state';
import { tenantAction } from '@/lib/actions/tenant-action';
import { updateTwoFactorPolicy } from '@/lib/auth/second-factor/update-two-factor-policy';

const YesNo = z.enum(['yes', 'no']).transform((value) => value === 'yes');
const Policy = z.object({ required: YesNo, ssoSatisfies: YesNo });

export const updateTwoFactorPolicyAction = tenantAction(
  Policy,
  'security.manage',
  async (policy, { workspace, user, session }) => {
    const result = await updateTwoFactorPolicy(workspace.id, user, session, policy);
    if (!result.ok) return failure(result.message);
    revalidatePath(`/t/${workspace.slug}/settings/security`);
    return success(
      policy.required ? 'Saved. Members without two-factor authentication must set it up to continue.' : 'Saved.',
    );
  },
);
