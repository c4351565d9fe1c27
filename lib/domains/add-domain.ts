// A workspace claims a custom domain: validated and normalised, stored pending with a fresh
// verification token, answered with the DNS records its admin must create.
import 'server-only';
import { randomBytes } from 'node:crypto';
import { refusalForOneMore } from '../billing/plan-limit';
import { tenantDb } from '../db/tenant-db';
import { classifyHost } from '../hosts/classify-host';
import { hostOptions } from '../hosts/host-options';
import { isApexHostname, type RequiredRecord, requiredRecords } from './dns-records';
import { routingTarget } from './routing-target';

export type AddDomainResult =
  | { ok: true; domain: { id: string; hostname: string }; records: RequiredRecord[] }
  | { ok: false; error: string };

export async function addDomain(tenantId: string, rawHostname: string): Promise<AddDomainResult> {
  const host = classifyHost(rawHostname.trim(), hostOptions());
  if (host.kind !== 'custom') {
    return {
      ok: false,
      error: host.kind === 'invalid' ? 'That is not a valid domain name.' : 'That domain is ours already.',
    };
  }
  if (/^\d+(\.\d+){3}$/.test(host.host)) return { ok: false, error: 'Use a domain name, not an IP address.' };
  const target = routingTarget();
  if (isApexHostname(host.host) && target.aRecords.length === 0) {
    return { ok: false, error: `Use a subdomain such as app.${host.host}: apex domains are not supported here.` };
  }
  const db = tenantDb(tenantId);
  if (await db.domain.findFirst({ where: { hostname: host.host }, select: { id: true } })) {
    return { ok: false, error: `${host.host} is already on your list.` };
  }
  const verificationToken = randomBytes(18).toString('base64url');
  const hostname = host.host;
  return db.$transaction(async (tx): Promise<AddDomainResult> => {
    const refusal = await refusalForOneMore(tx, tenantId, 'customDomains');
    if (refusal) return { ok: false, error: refusal };
    const domain = await tx.domain.create({
      data: { hostname, verificationToken },
      select: { id: true, hostname: true },
    });
    return { ok: true, domain, records: requiredRecords(domain.hostname, verificationToken, target) };
  });
}
