// Which workspace's IdP an email address signs in through: the workspace that verified the
// address's domain and has a connection. Asked across workspaces, so through a definer function
// that answers this and nothing else (sso_workspace_for_email_domain, in the sso migration).
import 'server-only';
import { globalDb } from '../db/global-db';
import { domainOfEmail } from './email-domain-name';

export type SsoRoute = { tenantId: string; slug: string; ssoRequired: boolean };

export async function ssoRouteForEmail(email: string): Promise<SsoRoute | null> {
  const domain = domainOfEmail(email);
  if (!domain) return null;
  const rows = await globalDb().$queryRaw<{ tenant_id: string; slug: string; sso_required: boolean }[]>`
    SELECT tenant_id::text AS tenant_id, slug, sso_required FROM sso_workspace_for_email_domain(${domain})`;
  const row = rows[0];
  return row ? { tenantId: row.tenant_id, slug: row.slug, ssoRequired: row.sso_required } : null;
}
