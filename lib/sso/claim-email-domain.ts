// An owner claims an email domain for the workspace: stored unproven with a fresh token, answered
// with the TXT record to create. The same record name as custom domains (_tenantry-challenge.<domain>).
import 'server-only';
import { randomBytes } from 'node:crypto';
import { type AuditActor, recordAuditEvent } from '../audit/record-audit-event';
import { tenantDb } from '../db/tenant-db';
import { challengeRecordName } from '../domains/dns-records';
import { emailDomainName } from './email-domain-name';

export type ClaimResult =
  | { ok: true; domain: string; record: { name: string; value: string } }
  | { ok: false; message: string };

export async function claimEmailDomain(tenantId: string, actor: AuditActor, input: string): Promise<ClaimResult> {
  const domain = emailDomainName(input);
  if (!domain) return { ok: false, message: 'That is not a domain name, e.g. acme.com.' };
  const db = tenantDb(tenantId);
  if (await db.ssoEmailDomain.findFirst({ where: { domain }, select: { id: true } })) {
    return { ok: false, message: `${domain} is already on your list.` };
  }
  const verificationToken = `tenantry-email=${randomBytes(18).toString('base64url')}`;
  await db.$transaction(async (tx) => {
    await tx.ssoEmailDomain.create({ data: { domain, verificationToken } });
    await recordAuditEvent(tx, { actor, action: 'sso.email_domain.claimed', target: domain });
  });
  return { ok: true, domain, record: { name: challengeRecordName(domain), value: verificationToken } };
}
