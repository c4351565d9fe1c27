'use server';
// The Domains settings page's actions. The workspace comes from the Host and the domain id is only
// ever looked up through the workspace's own client, so another workspace's id is "not found".
// Audit: the domain services write in their own statements, so each event is recorded right after
// the change, with its outcome; a failed audit write then surfaces as an error, the change stands.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { failure, success } from '@/lib/actions/action-state';
import { tenantAction } from '@/lib/actions/tenant-action';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { addDomain as addDomainToWorkspace } from '@/lib/domains/add-domain';
import { checkDomain } from '@/lib/domains/check-domain';
import type { DomainStatus } from '@/lib/domains/next-domain-status';
import { removeDomain as removeDomainFromWorkspace } from '@/lib/domains/remove-domain';

const NOT_FOUND = 'Domain not found';

const NewDomain = z.object({
  hostname: z
    .string()
    .trim()
    .min(1, 'Enter a domain name, such as app.example.com.')
    .max(253, 'A domain name has at most 253 characters.'),
});
const DomainRef = z.object({ domainId: z.uuid(NOT_FOUND) });

const pagePath = (slug: string) => `/t/${slug}/settings/domains`;

export const addDomain = tenantAction(NewDomain, 'domains.manage', async ({ hostname }, { db, user, workspace }) => {
  const added = await addDomainToWorkspace(workspace.id, hostname);
  if (!added.ok) {
    // Shown on the field and kept in it, like a schema error.
    const message = 'Please correct the fields marked below.';
    return { status: 'error', message, fieldErrors: { hostname: [added.error] }, values: { hostname } };
  }
  const { domain } = added;
  await recordAuditEvent(db, { actor: user, action: 'domain.added', target: domain.hostname });
  revalidatePath(pagePath(workspace.slug));
  return success(`${domain.hostname} added. Create the DNS records shown for it, then press “Check now”.`);
});

export const checkDomainNow = tenantAction(DomainRef, 'domains.manage', async ({ domainId }, ctx) => {
  const { db, user, workspace } = ctx;
  const domain = await db.domain.findFirst({ where: { id: domainId }, select: { hostname: true } });
  if (!domain) return failure(NOT_FOUND);
  const outcome = await checkDomain(workspace.id, domainId);
  const tookOver = outcome.displacedTenantId !== null;
  await recordAuditEvent(db, {
    actor: user,
    action: 'domain.checked',
    target: domain.hostname,
    // Whether it was taken over, never from whom: that workspace is none of this one's business.
    details: { status: outcome.status, changed: outcome.changed, tookOver },
  });
  revalidatePath(pagePath(workspace.slug));
  return success(checkMessage(domain.hostname, outcome.status, outcome.reason, tookOver));
});

export const removeDomain = tenantAction(DomainRef, 'domains.manage', async ({ domainId }, ctx) => {
  const { db, user, workspace } = ctx;
  const domain = await db.domain.findFirst({ where: { id: domainId }, select: { hostname: true } });
  if (!domain || !(await removeDomainFromWorkspace(workspace.id, domainId))) return failure(NOT_FOUND);
  await recordAuditEvent(db, { actor: user, action: 'domain.removed', target: domain.hostname });
  revalidatePath(pagePath(workspace.slug));
  return success(`${domain.hostname} was removed and no longer reaches this workspace.`);
});

function checkMessage(hostname: string, status: DomainStatus, reason: string | null, tookOver: boolean): string {
  if (status === 'verified') {
    const note = tookOver ? ' It was taken over from the workspace that held it before.' : '';
    return `${hostname} is verified and serves this workspace.${note}`;
  }
  return `${hostname} is ${status}${reason ? `: ${reason}` : '.'}`;
}
