// node-saml configured as one workspace's service provider: our per-workspace entity id and ACS URL,
// the IdP's sign-in URL and signing certificates, and what we insist on (signed assertions, answers
// to our own requests only, a short clock skew). No request signing, no encryption: IdPs do not
// need them for SP-initiated sign-in, and each would add keys to manage.
import 'server-only';
import {
  type CacheItem,
  type CacheProvider,
  generateServiceProviderMetadata,
  SAML,
  ValidateInResponseTo,
} from '@node-saml/node-saml';
import { tenantDb } from '../../db/tenant-db';
import { samlEndpoints } from './saml-endpoints';

/** A workspace's SAML connection, as stored in sso_connections. */
export type SamlConnection = {
  tenantId: string;
  slug: string;
  idpEntityId: string;
  idpSsoUrl: string;
  /** Base64 DER bodies (see parseIdpMetadata) or PEM. */
  idpCertificates: string[];
};

/** How long a user has to come back from the IdP before our request is forgotten. */
export const SAML_REQUEST_LIFETIME_MS = 10 * 60_000;
/** How far the IdP's clock may differ from ours when checking NotBefore / NotOnOrAfter. */
export const SAML_CLOCK_SKEW_MS = 60_000;

const EMAIL_NAME_ID = 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress';

export function samlClient(connection: SamlConnection, requests = new SamlRequestStore(connection.tenantId)): SAML {
  const sp = samlEndpoints(connection.slug);
  return new SAML({
    issuer: sp.entityId,
    callbackUrl: sp.acsUrl,
    audience: sp.entityId,
    entryPoint: connection.idpSsoUrl,
    // node-saml checks idpIssuer on logout messages only; verifySamlResponse checks the assertion's.
    idpIssuer: connection.idpEntityId,
    idpCert: connection.idpCertificates,
    wantAssertionsSigned: true,
    // Many IdPs sign only the assertion; the assertion is what we read, and it must be signed.
    wantAuthnResponseSigned: false,
    // No IdP-initiated sign-in: a response must answer a request we sent (login CSRF otherwise).
    validateInResponseTo: ValidateInResponseTo.always,
    requestIdExpirationPeriodMs: SAML_REQUEST_LIFETIME_MS,
    cacheProvider: requests,
    acceptedClockSkewMs: SAML_CLOCK_SKEW_MS,
    // An assertion older than a request's lifetime is refused even if it states no NotOnOrAfter,
    // so the replay record (kept at least that long) always outlives it.
    maxAssertionAgeMs: SAML_REQUEST_LIFETIME_MS,
    identifierFormat: EMAIL_NAME_ID,
    // Requesting PasswordProtectedTransport "exactly" makes IdPs refuse users who signed in with MFA,
    // a passkey or Windows auth (Entra ID: AADSTS75011). The IdP's policy decides how users sign in.
    disableRequestedAuthnContext: true,
  });
}

/** Our SP metadata for the admin to load into their IdP: entity id, ACS URL, NameID format. */
export function serviceProviderMetadataXml(slug: string): string {
  const sp = samlEndpoints(slug);
  return generateServiceProviderMetadata({
    issuer: sp.entityId,
    callbackUrl: sp.acsUrl,
    identifierFormat: EMAIL_NAME_ID,
    wantAssertionsSigned: true,
    decryptionCert: null,
    publicCerts: null,
  });
}

/** The database failed under node-saml: not the response's fault, so not a refusal but an error. */
export class SamlStoreError extends Error {
  override name = 'SamlStoreError';
}

/**
 * node-saml's request-id cache, kept in saml_requests through tenantDb (a request made for one
 * workspace is unknown at another). The row stores when the request expires; node-saml wants when
 * it was made, so getAsync gives that back. consume() deletes a request once: whoever deletes the
 * row (node-saml through removeAsync, or verifySamlResponse) is the one answer it gets.
 */
export class SamlRequestStore implements CacheProvider {
  readonly #tenantId: string;
  readonly #consumed = new Set<string>();

  constructor(tenantId: string) {
    this.#tenantId = tenantId;
  }

  saveAsync(id: string, createdAt: string): Promise<CacheItem> {
    return this.#guard(async () => {
      const made = Date.parse(createdAt);
      const createdAtMs = Number.isNaN(made) ? Date.now() : made;
      await tenantDb(this.#tenantId).samlRequest.create({
        data: { id, expiresAt: new Date(createdAtMs + SAML_REQUEST_LIFETIME_MS) },
      });
      return { value: createdAt, createdAt: createdAtMs };
    });
  }

  getAsync(id: string): Promise<string | null> {
    return this.#guard(async () => {
      const request = await tenantDb(this.#tenantId).samlRequest.findFirst({
        where: { id, expiresAt: { gt: new Date() } },
        select: { expiresAt: true },
      });
      return request ? new Date(request.expiresAt.getTime() - SAML_REQUEST_LIFETIME_MS).toISOString() : null;
    });
  }

  async removeAsync(id: string | null): Promise<string | null> {
    if (id) await this.consume(id);
    return id;
  }

  /** True when this store deleted the request (now or earlier): the response answering it is the first. */
  consume(id: string): Promise<boolean> {
    return this.#guard(async () => {
      if (this.#consumed.has(id)) return true;
      const { count } = await tenantDb(this.#tenantId).samlRequest.deleteMany({ where: { id } });
      if (count > 0) this.#consumed.add(id);
      return count > 0;
    });
  }

  async #guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (cause) {
      throw new SamlStoreError('The SAML request store failed.', { cause });
    }
  }
}
