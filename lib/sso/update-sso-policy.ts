// An owner sets what SSO sign-in grants (the role a first sign-in gets) and whether SSO is required
// of the workspace's verified email domains. Requiring it ends those users' other sessions at once:
// from then on the IdP alone decides who they are.
import 'server-only';
import { z } from 'zod';
import { type AuditActor, recordAuditEvent } from '../audit/record-audit-event';
import { tenantDb } from '../db/tenant-db';
import { endOtherSessionsForDomains } from './end-domain-sessions';

export const SsoPolicyInput = z.object({
  defaultRole: z.enum(['member', 'admin']),
  ssoRequired: z.boolean(),
});
export type SsoPolicyInput = z.infer<typeof SsoPolicyInput>;

export type PolicyResult = { ok: true } | { ok: false; message: string };

export async function updateSsoPolicy(
  tenantId: string,
  actor: AuditActor,
  input: SsoPolicyInput,
): Promise<PolicyResult> {
  const db = tenantDb(tenantId);
  const outcome = await db.$transaction(async (tx): Promise<PolicyResult & { domains?: string[] }> => {
    const connection = await tx.ssoConnection.findFirst({ select: { ssoRequired: true } });
    if (!connection) return { ok: false, message: 'Connect an identity provider first.' };
    const verified = await tx.ssoEmailDomain.findMany({
      where: { verifiedAt: { not: null } },
      select: { domain: true },
    });
    if (input.ssoRequired && verified.length === 0) {
      return { ok: false, message: 'Verify an email domain first: SSO is required of the users of verified domains.' };
    }
    await tx.ssoConnection.update({ where: { tenantId }, data: input });
    await recordAuditEvent(tx, { actor, action: 'sso.policy.updated', details: input });
    const newlyRequired = input.ssoRequired && !connection.ssoRequired;
    return { ok: true, domains: newlyRequired ? verified.map((row) => row.domain) : [] };
  });
  if (outcome.ok && outcome.domains) await endOtherSessionsForDomains(tenantId, outcome.domains);
  return outcome.ok ? { ok: true } : outcome;
}
