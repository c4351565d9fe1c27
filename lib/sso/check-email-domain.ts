// "Check now" for a claimed email domain: the TXT record (the custom-domain check's ownership half),
// then record_email_domain_check(), which refuses a domain another workspace already verified.
// A DNS outage changes nothing; a proof that disappears un-verifies the claim and ends the sessions
// the IdP opened for that domain; a newly verified domain under "SSO required" ends its users' other
// sessions.
import 'server-only';
import { type AuditActor, recordAuditEvent } from '../audit/record-audit-event';
import { authDbFor } from '../db/auth-db';
import { tenantDb } from '../db/tenant-db';
import { checkOwnershipRecord, type DomainResolver } from '../domains/check-domain-dns';
import { domainResolver } from '../domains/routing-target';
import { endIdpSessionsForDomain, endOtherSessionsForDomains } from './end-domain-sessions';

export type EmailDomainCheck = { verified: boolean; reason: string | null };

export async function checkEmailDomain(
  tenantId: string,
  actor: AuditActor | null,
  claimId: string,
  resolver: DomainResolver = domainResolver(),
): Promise<EmailDomainCheck | null> {
  const db = tenantDb(tenantId);
  const claim = await db.ssoEmailDomain.findFirst({
    where: { id: claimId },
    select: { id: true, domain: true, verificationToken: true, verifiedAt: true, statusReason: true },
  });
  if (!claim) return null;
  const ownership = await checkOwnershipRecord(claim.domain, claim.verificationToken, resolver);
  if (ownership.state === 'unknown') {
    console.warn(`[sso] tenant=${tenantId} ${claim.domain}: DNS gave no answer (${ownership.reason}); status kept`);
    return { verified: claim.verifiedAt !== null, reason: ownership.reason };
  }
  const proven = ownership.state === 'proven';
  // Only auth_user may record a DNS verdict (tenant code cannot vouch for a domain); the audit line
  // follows in the workspace's own transaction.
  const rows = await authDbFor(tenantId).$queryRaw<{ verified: boolean; status_reason: string | null }[]>`
    SELECT verified, status_reason FROM record_email_domain_check(${claim.id}::uuid, ${proven}, ${
      ownership.state === 'unproven' ? ownership.reason : null
    })`;
  const row = rows[0];
  if (!row) throw new Error(`record_email_domain_check returned nothing for ${claim.id}`);
  const result = { verified: row.verified, reason: row.status_reason };
  if (row.verified !== (claim.verifiedAt !== null)) {
    await recordAuditEvent(db, {
      actor,
      action: row.verified ? 'sso.email_domain.verified' : 'sso.email_domain.unverified',
      target: claim.domain,
      ...(row.status_reason ? { details: { reason: row.status_reason } } : {}),
    });
  }
  const wasVerified = claim.verifiedAt !== null;
  if (wasVerified && !result.verified) await endIdpSessionsForDomain(tenantId, claim.domain);
  if (!wasVerified && result.verified) {
    const connection = await db.ssoConnection.findFirst({ select: { ssoRequired: true } });
    if (connection?.ssoRequired) await endOtherSessionsForDomains(tenantId, [claim.domain]);
  }
  return result;
}
