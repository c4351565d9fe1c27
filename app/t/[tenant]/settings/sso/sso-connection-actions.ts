'use server';
// Owners' SSO settings: the IdP connection (OIDC or SAML), its policy, and the workspace's claimed
// email domains. Each service audits its own change.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { failure, success } from '@/lib/actions/action-state';
import { tenantAction } from '@/lib/actions/tenant-action';
import { checkEmailDomain } from '@/lib/sso/check-email-domain';
import { claimEmailDomain } from '@/lib/sso/claim-email-domain';
import { removeEmailDomain } from '@/lib/sso/remove-email-domain';
import { removeSsoConnection } from '@/lib/sso/remove-sso-connection';
import { OidcConnectionInput, type SaveResult, saveOidcConnection } from '@/lib/sso/save-oidc-connection';
import { SamlConnectionInput, saveSamlConnection } from '@/lib/sso/save-saml-connection';
import { updateSsoPolicy } from '@/lib/sso/update-sso-policy';

const settingsPath = (slug: string) => `/t/${slug}/settings/sso`;

function saved(result: SaveResult, slug: string) {
  if (!result.ok) return failure(result.message, result.field ? { [result.field]: [result.message] } : undefined);
  revalidatePath(settingsPath(slug));
  return success('Saved. Members can now sign in with single sign-on.');
}

export const saveOidcConnectionAction = tenantAction(OidcConnectionInput, 'sso.manage', async (input, ctx) =>
  saved(await saveOidcConnection(ctx.workspace.id, ctx.user, input), ctx.workspace.slug),
);

export const saveSamlConnectionAction = tenantAction(SamlConnectionInput, 'sso.manage', async (input, ctx) =>
  saved(await saveSamlConnection(ctx.workspace.id, ctx.user, input), ctx.workspace.slug),
);

export const removeSsoConnectionAction = tenantAction(z.object({}), 'sso.manage', async (_input, ctx) => {
  if (!(await removeSsoConnection(ctx.workspace.id, ctx.user))) return failure('There is no connection to remove.');
  revalidatePath(settingsPath(ctx.workspace.slug));
  return success('Single sign-on is disconnected; the sessions it opened have ended.');
});

const Policy = z.object({
  defaultRole: z.enum(['member', 'admin']),
  // A checkbox: "on" when ticked, absent otherwise.
  ssoRequired: z
    .literal('on')
    .optional()
    .transform((value) => value === 'on'),
});

export const updateSsoPolicyAction = tenantAction(Policy, 'sso.manage', async (input, ctx) => {
  const result = await updateSsoPolicy(ctx.workspace.id, ctx.user, input);
  if (!result.ok) return failure(result.message);
  revalidatePath(settingsPath(ctx.workspace.slug));
  return success(input.ssoRequired ? 'Saved. SSO is now required for your verified domains.' : 'Saved.');
});

const Claim = z.object({ domain: z.string().trim().min(1, 'Enter a domain, e.g. acme.com.').max(260) });

export const claimEmailDomainAction = tenantAction(Claim, 'sso.manage', async ({ domain }, ctx) => {
  const result = await claimEmailDomain(ctx.workspace.id, ctx.user, domain);
  if (!result.ok) return failure(result.message, { domain: [result.message] });
  revalidatePath(settingsPath(ctx.workspace.slug));
  return success(`Add a TXT record at ${result.record.name} with the value ${result.record.value}, then check.`);
});

const ClaimId = z.object({ claimId: z.uuid() });

export const checkEmailDomainAction = tenantAction(ClaimId, 'sso.manage', async ({ claimId }, ctx) => {
  const result = await checkEmailDomain(ctx.workspace.id, ctx.user, claimId);
  if (!result) return failure('Domain not found.');
  revalidatePath(settingsPath(ctx.workspace.slug));
  return result.verified ? success('Verified.') : failure(result.reason ?? 'Not verified yet.');
});

export const removeEmailDomainAction = tenantAction(ClaimId, 'sso.manage', async ({ claimId }, ctx) => {
  if (!(await removeEmailDomain(ctx.workspace.id, ctx.user, claimId))) return failure('Domain not found.');
  revalidatePath(settingsPath(ctx.workspace.slug));
  return success('Removed.');
});
