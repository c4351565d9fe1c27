'use server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { failure } from '@/lib/actions/action-state';
import { tenantAction } from '@/lib/actions/tenant-action';
import { openCustomerPortal, startCheckout } from '@/lib/billing/checkout-and-portal';
import { PAID_PLANS } from '@/lib/billing/plans';

export const startCheckoutAction = tenantAction(
  z.object({ plan: z.enum(PAID_PLANS) }),
  'billing.manage',
  async ({ plan }, { workspace }) => {
    const result = await startCheckout(workspace, plan);
    if (!result.ok) return failure(result.error);
    redirect(result.url);
  },
);

export const openPortalAction = tenantAction(z.object({}), 'billing.manage', async (_input, { workspace }) => {
  const result = await openCustomerPortal(workspace);
  if (!result.ok) return failure(result.error);
  redirect(result.url);
});
