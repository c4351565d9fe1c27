// A workspace's two-factor policy, read on every request where membership is (requireMember,
// tenantAction), cached for the request only, so turning it on applies to the very next request.
// A session meets it with a second factor on its amr, or, if the owner lets it, by having been
// opened through this workspace's own IdP (which then vouches for how the person signed in).
import 'server-only';
import { cache } from 'react';
import { tenantDb } from '../../db/tenant-db';
import { appUrl } from '../app-url';
import type { LiveSession } from '../session-store';
import { hasSecondFactor } from './second-factor';

export type TwoFactorPolicy = { required: boolean; ssoSatisfies: boolean };

const NOT_REQUIRED: TwoFactorPolicy = { required: false, ssoSatisfies: true };

export const readTwoFactorPolicy = cache(async (workspaceId: string): Promise<TwoFactorPolicy> => {
  const policy = await tenantDb(workspaceId).twoFactorPolicy.findFirst({
    select: { required: true, ssoSatisfies: true },
  });
  return policy ?? NOT_REQUIRED;
});

export function meetsTwoFactorPolicy(
  policy: TwoFactorPolicy,
  session: Pick<LiveSession, 'amr' | 'ssoTenantId'>,
  workspaceId: string,
): boolean {
  if (!policy.required || hasSecondFactor(session.amr)) return true;
  return policy.ssoSatisfies && session.ssoTenantId === workspaceId;
}

export async function sessionMeetsWorkspacePolicy(
  workspaceId: string,
  session: Pick<LiveSession, 'amr' | 'ssoTenantId'>,
): Promise<boolean> {
  return meetsTwoFactorPolicy(await readTwoFactorPolicy(workspaceId), session, workspaceId);
}

/** Where a member who does not meet the policy is sent: the root site explains and helps. */
export function twoFactorRequiredUrl(workspaceSlug: string): string {
  const url = new URL('/account/two-factor-required', appUrl());
  url.searchParams.set('workspace', workspaceSlug);
  return url.toString();
}
