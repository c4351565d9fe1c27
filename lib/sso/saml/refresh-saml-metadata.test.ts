// A SAML connection saved from a metadata URL follows the IdP's certificate rotation, through a
// real HTTP server publishing the metadata, and sign-in works with the new key afterwards; metadata
// that now names another IdP, or that cannot be read, changes nothing.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createSamlTestIdp, decodeAuthnRequest, type SamlTestIdp } from '../../../tests/support/saml-test-idp';
import { samlWorkspace } from '../../../tests/support/saml-workspace';
import { tenantDb } from '../../db/tenant-db';
import { refreshSamlMetadata } from './refresh-saml-metadata';
import { samlConnectionFor } from './saml-connection-for';
import { samlSignInUrl } from './start-saml-sign-in';
import { verifySamlResponse } from './verify-saml-response';

vi.hoisted(() => {
  // The metadata server below is on loopback, over plain http (as the e2e suite's IdPs).
  process.env.SSO_ALLOW_HTTP = 'true';
});

const ENTITY_ID = 'https://idp.rotating.test/metadata';
let published = '';
let server: Server;
let metadataUrl: string;

beforeAll(async () => {
  server = createServer((_request, response) => {
    if (!published) return response.writeHead(503).end();
    response.writeHead(200, { 'content-type': 'application/samlmetadata+xml' }).end(published);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  metadataUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/metadata`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function workspaceTrusting(idp: SamlTestIdp) {
  return (await samlWorkspace(idp, { label: 'rotate', metadataUrl, verifiedDomain: true })).tenant;
}

async function signInWith(idp: SamlTestIdp, slug: string) {
  const connection = await samlConnectionFor(slug);
  if (!connection) throw new Error('no SAML connection');
  const request = decodeAuthnRequest(await samlSignInUrl(connection, 'state'));
  const response = idp.signedResponse({
    audience: request.issuer,
    acsUrl: request.acsUrl,
    inResponseTo: request.id,
    email: `someone@${slug}.example`,
  });
  return verifySamlResponse(connection, response);
}

describe('refreshSamlMetadata', () => {
  it('takes the rotated certificate, audited, and sign-in works with the new key', async () => {
    const before = await createSamlTestIdp({ entityId: ENTITY_ID });
    const after = await createSamlTestIdp({ entityId: ENTITY_ID });
    const tenant = await workspaceTrusting(before);
    published = before.metadataXml();
    expect(await refreshSamlMetadata(tenant.id)).toBe('unchanged');

    published = after.metadataXml();
    expect(await signInWith(after, tenant.slug)).toMatchObject({ ok: false });
    expect(await refreshSamlMetadata(tenant.id)).toBe('updated');
    expect(await signInWith(after, tenant.slug)).toMatchObject({ ok: true });
    expect(await signInWith(before, tenant.slug)).toMatchObject({ ok: false });
    expect(await tenantDb(tenant.id).auditEvent.count({ where: { action: 'sso.connection.refreshed' } })).toBe(1);
  });

  it('changes nothing when the document names another IdP, or cannot be read', async () => {
    const trusted = await createSamlTestIdp({ entityId: ENTITY_ID });
    const tenant = await workspaceTrusting(trusted);
    const stored = await tenantDb(tenant.id).ssoConnection.findFirstOrThrow();

    published = (await createSamlTestIdp({ entityId: 'https://someone-else.test/metadata' })).metadataXml();
    expect(await refreshSamlMetadata(tenant.id)).toBe('refused');
    published = '';
    expect(await refreshSamlMetadata(tenant.id)).toBe('unreachable');

    expect(await tenantDb(tenant.id).ssoConnection.findFirstOrThrow()).toEqual(stored);
    expect(await signInWith(trusted, tenant.slug)).toMatchObject({ ok: true });
    const [refusal] = await tenantDb(tenant.id).auditEvent.findMany({
      where: { action: 'sso.connection.refresh_refused' },
    });
    expect(refusal?.details).toMatchObject({ reason: expect.stringContaining('another identity provider') });
  });
});
