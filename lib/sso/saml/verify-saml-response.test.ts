// SAML sign-in against a test IdP and the real database: our AuthnRequest, the IdP's signed answer,
// and the ACS's verdict. Every refused response is the accepted one with one property changed
// (answer(request, { that property })), so each test fails if its protection is taken away.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createSamlTestIdp,
  type DecodedAuthnRequest,
  decodeAuthnRequest,
  type SamlResponseOptions,
  type SamlTestIdp,
} from '../../../tests/support/saml-test-idp';
import { samlWorkspace } from '../../../tests/support/saml-workspace';
import { tenantDb } from '../../db/tenant-db';
import { type SamlConnection, serviceProviderMetadataXml } from './saml-client';
import { samlEndpoints } from './saml-endpoints';
import { samlSignInUrl } from './start-saml-sign-in';
import { REQUEST_ALREADY_ANSWERED, RESPONSE_ALREADY_USED, verifySamlResponse } from './verify-saml-response';

const IDP_ENTITY_ID = 'https://idp.example.test/metadata';
const NOT_SIGNED = 'The response is not signed by the identity provider.';
const NOT_ANSWERING = 'The response does not answer a pending sign-in request (it expired or was already used).';
const ACCEPTED = {
  ok: true,
  email: 'ada.lovelace@example.test',
  nameId: 'Ada.Lovelace@Example.test',
  nameIdFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
  name: 'Ada Lovelace',
};

let idp: SamlTestIdp;
/** Claims to be the same IdP (same entity id) but signs with its own key. */
let impostor: SamlTestIdp;

beforeAll(async () => {
  [idp, impostor] = await Promise.all([
    createSamlTestIdp({ entityId: IDP_ENTITY_ID }),
    createSamlTestIdp({ entityId: IDP_ENTITY_ID }),
  ]);
});

/** A workspace connected to the test IdP through its metadata, as an admin would connect it. */
async function connectedWorkspace(): Promise<SamlConnection> {
  return (await samlWorkspace(idp)).connection;
}

/** Starts a sign-in at the workspace; returns the AuthnRequest the IdP receives. */
async function startSignIn(connection: SamlConnection): Promise<DecodedAuthnRequest> {
  return decodeAuthnRequest(await samlSignInUrl(connection, 'state-123'));
}

/** The IdP's answer to `request` for Ada, as the accepted test posts it, with `changes` applied. */
function answer(request: DecodedAuthnRequest, changes: Partial<SamlResponseOptions> = {}, from = idp): string {
  return from.signedResponse({
    audience: request.issuer,
    acsUrl: request.acsUrl,
    inResponseTo: request.id,
    email: 'Ada.Lovelace@Example.test',
    name: 'Ada Lovelace',
    ...changes,
  });
}

/** The response's XML edited after signing, as an attacker in the middle would. */
function edited(response: string, edit: (xml: string) => string): string {
  return Buffer.from(edit(Buffer.from(response, 'base64').toString('utf8'))).toString('base64');
}

const minutesFromNow = (minutes: number) => new Date(Date.now() + minutes * 60_000);

describe('samlSignInUrl', () => {
  it("sends the user to the IdP with a request from this workspace's own service provider", async () => {
    const connection = await connectedWorkspace();
    const url = await samlSignInUrl(connection, 'state-123');
    expect(url.startsWith(`${idp.ssoUrl}?SAMLRequest=`)).toBe(true);
    const request = decodeAuthnRequest(url);
    const sp = samlEndpoints(connection.slug);
    expect(request).toMatchObject({ acsUrl: sp.acsUrl, issuer: sp.entityId, relayState: 'state-123' });
    const stored = await tenantDb(connection.tenantId).samlRequest.findMany();
    expect(stored.map((row) => row.id)).toEqual([request.id]);
  });
});

describe('serviceProviderMetadataXml', () => {
  it("describes the workspace's own entity id and ACS, with no keys to manage", () => {
    const sp = samlEndpoints('acme');
    const xml = serviceProviderMetadataXml('acme');
    expect(xml).toContain(`entityID="${sp.entityId}"`);
    expect(xml).toContain(`Location="${sp.acsUrl}"`);
    expect(xml).toContain('WantAssertionsSigned="true"');
    expect(xml).not.toContain('KeyDescriptor');
  });
});

describe('verifySamlResponse', () => {
  it('accepts a signed assertion answering our own request', async () => {
    const connection = await connectedWorkspace();
    const request = await startSignIn(connection);
    const verdict = await verifySamlResponse(connection, answer(request, { assertionId: '_accepted-1' }));
    expect(verdict).toEqual({ ...ACCEPTED, assertionId: '_accepted-1' });
    const seen = await tenantDb(connection.tenantId).samlAssertionSeen.findMany();
    expect(seen.map((row) => row.assertionId)).toEqual(['_accepted-1']);
    expect(seen[0]?.expiresAt.getTime()).toBeGreaterThan(minutesFromNow(5).getTime());
  });

  it('refuses an assertion whose content was changed after signing', async () => {
    const connection = await connectedWorkspace();
    const request = await startSignIn(connection);
    const tampered = edited(answer(request), (xml) =>
      xml.replaceAll('Ada.Lovelace@Example.test', 'mallory@example.test'),
    );
    expect(await verifySamlResponse(connection, tampered)).toEqual({ ok: false, reason: NOT_SIGNED });
  });

  it('refuses an assertion signed by another key, even one naming the same IdP', async () => {
    const connection = await connectedWorkspace();
    const request = await startSignIn(connection);
    expect(await verifySamlResponse(connection, answer(request, {}, impostor))).toEqual({
      ok: false,
      reason: NOT_SIGNED,
    });
  });

  it('refuses an unsigned assertion', async () => {
    const connection = await connectedWorkspace();
    const request = await startSignIn(connection);
    expect(await verifySamlResponse(connection, answer(request, { sign: false }))).toEqual({
      ok: false,
      reason: NOT_SIGNED,
    });
  });

  it("refuses an assertion made for another workspace's service provider", async () => {
    const [a, b] = await Promise.all([connectedWorkspace(), connectedWorkspace()]);
    const requestAtB = await startSignIn(b);
    const forA = answer(requestAtB, { audience: samlEndpoints(a.slug).entityId });
    expect(await verifySamlResponse(b, forA)).toEqual({
      ok: false,
      reason: 'The response was made for another service provider.',
    });
  });

  it("refuses at workspace B a response answering workspace A's request", async () => {
    const [a, b] = await Promise.all([connectedWorkspace(), connectedWorkspace()]);
    const response = answer(await startSignIn(a));
    expect(await verifySamlResponse(b, response)).toEqual({ ok: false, reason: NOT_ANSWERING });
    expect(await verifySamlResponse(a, response)).toMatchObject({ ok: true });
  });

  it('refuses an expired assertion', async () => {
    const connection = await connectedWorkspace();
    const request = await startSignIn(connection);
    const expired = answer(request, { notBefore: minutesFromNow(-10), notOnOrAfter: minutesFromNow(-2) });
    expect(await verifySamlResponse(connection, expired)).toEqual({
      ok: false,
      reason: 'The response has expired or is not yet valid.',
    });
  });

  it('refuses an unsolicited response (IdP-initiated, or answering a request we never sent)', async () => {
    const connection = await connectedWorkspace();
    const request = await startSignIn(connection);
    const unsolicited = answer(request, { inResponseTo: `_never-sent-${randomUUID()}` });
    expect(await verifySamlResponse(connection, unsolicited)).toEqual({ ok: false, reason: NOT_ANSWERING });
  });

  it('refuses a response from another issuer, even signed with the trusted key', async () => {
    const connection = await connectedWorkspace();
    const request = await startSignIn(connection);
    expect(await verifySamlResponse(connection, answer(request, { issuer: 'https://other-idp.example.test' }))).toEqual(
      {
        ok: false,
        reason: 'The response comes from another identity provider.',
      },
    );
  });

  it('refuses a response without an email address', async () => {
    const connection = await connectedWorkspace();
    const request = await startSignIn(connection);
    expect(await verifySamlResponse(connection, answer(request, { email: 'ada' }))).toEqual({
      ok: false,
      reason: 'The response has no email address.',
    });
  });

  it('refuses the same response posted a second time', async () => {
    const connection = await connectedWorkspace();
    const response = answer(await startSignIn(connection));
    expect(await verifySamlResponse(connection, response)).toMatchObject({ ok: true });
    expect(await verifySamlResponse(connection, response)).toEqual({ ok: false, reason: NOT_ANSWERING });
  });

  it('accepts only one of the same response posted several times at once', async () => {
    const connection = await connectedWorkspace();
    const response = answer(await startSignIn(connection));
    const verdicts = await Promise.all(Array.from({ length: 10 }, () => verifySamlResponse(connection, response)));
    expect(verdicts.filter((verdict) => verdict.ok)).toHaveLength(1);
  });

  // The request-once check alone: distinct assertions, so the assertion-id check cannot catch them.
  it('accepts only one of several responses answering one request at once', async () => {
    const connection = await connectedWorkspace();
    const request = await startSignIn(connection);
    const responses = Array.from({ length: 10 }, () => answer(request));
    const verdicts = await Promise.all(responses.map((response) => verifySamlResponse(connection, response)));
    expect(verdicts.filter((verdict) => verdict.ok)).toHaveLength(1);
    const reasons = verdicts.flatMap((verdict) => (verdict.ok ? [] : [verdict.reason]));
    for (const reason of reasons) expect([REQUEST_ALREADY_ANSWERED, NOT_ANSWERING]).toContain(reason);
  });

  // The assertion-id check alone: when the signed assertion does not name the request, an attacker
  // holding a used response can re-wrap its assertion to answer a fresh request of their own.
  it('refuses a used assertion re-wrapped to answer a new request', async () => {
    const connection = await connectedWorkspace();
    const first = await startSignIn(connection);
    const response = answer(first, { subjectInResponseTo: false });
    expect(await verifySamlResponse(connection, response)).toMatchObject({ ok: true });

    const fresh = await startSignIn(connection);
    const rewrapped = edited(response, (xml) =>
      xml.replace(`InResponseTo="${first.id}"`, `InResponseTo="${fresh.id}"`),
    );
    expect(await verifySamlResponse(connection, rewrapped)).toEqual({ ok: false, reason: RESPONSE_ALREADY_USED });
  });

  it("deletes the workspace's expired requests and assertion ids as it goes", async () => {
    const connection = await connectedWorkspace();
    const db = tenantDb(connection.tenantId);
    await db.samlRequest.create({ data: { id: '_old-request', expiresAt: minutesFromNow(-1) } });
    await db.samlAssertionSeen.create({ data: { assertionId: '_old-assertion', expiresAt: minutesFromNow(-1) } });
    const request = await startSignIn(connection);
    expect(await verifySamlResponse(connection, answer(request, { assertionId: '_new-assertion' }))).toMatchObject({
      ok: true,
    });
    expect(await db.samlRequest.findMany()).toEqual([]);
    expect((await db.samlAssertionSeen.findMany()).map((row) => row.assertionId)).toEqual(['_new-assertion']);
  });
});
