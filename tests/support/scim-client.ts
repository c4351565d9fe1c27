// Calls the SCIM route handlers as an IdP would: a real Request on the workspace's host with its
// bearer token. A test file using it mocks next/headers with next-request-stub first.
import { randomUUID } from 'node:crypto';
import { authDbFor } from '../../lib/db/auth-db';
import { tenantDb } from '../../lib/db/tenant-db';
import { createScimToken } from '../../lib/scim/create-scim-token';
import { stubRequest } from './next-request-stub';
import { createTenant } from './tenants';

export type ScimTenant = { id: string; slug: string; token: string; domain: string };
export type ScimHandler = (
  request: Request,
  context: { params: Promise<{ tenant: string; id: string }> },
) => Promise<Response>;
export type ScimCall = { token?: string; body?: unknown; id?: string; query?: string; host?: string };

/** An email domain of the workspace, verified as record_email_domain_check() would after DNS proof. */
export async function verifyEmailDomain(tenantId: string, domain: string): Promise<string> {
  const claim = await tenantDb(tenantId).ssoEmailDomain.create({ data: { domain, verificationToken: 't' } });
  await authDbFor(tenantId).$queryRaw`SELECT * FROM record_email_domain_check(${claim.id}::uuid, true, NULL)`;
  return domain;
}

/** A workspace (Pro unless `plan` says otherwise) with a SCIM token and one verified email domain. */
export async function scimWorkspace(
  label: string,
  admin: { id: string; email: string },
  plan: 'free' | 'pro' = 'pro',
): Promise<ScimTenant> {
  const tenant = await createTenant(label, { plan });
  const { token } = await createScimToken(tenantDb(tenant.id), tenant.id, admin);
  const domain = await verifyEmailDomain(tenant.id, `${tenant.slug}.example`);
  return { ...tenant, token, domain };
}

export async function scim(tenant: ScimTenant, handler: ScimHandler, method: string, call: ScimCall = {}) {
  const host = call.host ?? `${tenant.slug}.localhost`;
  stubRequest({ host });
  const body =
    call.body === undefined ? undefined : typeof call.body === 'string' ? call.body : JSON.stringify(call.body);
  const response = await handler(
    new Request(`http://${host}/api/scim/v2/x${call.query ?? ''}`, {
      method,
      headers: { host, authorization: `Bearer ${call.token ?? tenant.token}`, 'content-type': 'application/scim+json' },
      body,
    }),
    { params: Promise.resolve({ tenant: tenant.slug, id: call.id ?? '' }) },
  );
  const text = await response.text();
  return { status: response.status, type: response.headers.get('content-type'), json: text ? JSON.parse(text) : null };
}

export const newAddress = (domain: string) => `person-${randomUUID().slice(0, 8)}@${domain}`;

export const userBody = (email: string, extra: Record<string, unknown> = {}) => ({
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
  userName: email,
  name: { givenName: 'Ada', familyName: 'Lovelace' },
  emails: [{ value: email, primary: true, type: 'work' }],
  active: true,
  ...extra,
});

export const patchBody = (...Operations: object[]) => ({
  schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
  Operations,
});
