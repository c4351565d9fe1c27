// A SAML 2.0 identity provider for tests: its own RSA key and self-signed certificate, metadata an
// admin would paste, and responses signed the way real IdPs sign them (the Assertion, enveloped
// signature, RSA-SHA256, exclusive c14n). Every property of a response can be bent, so each
// security test differs from the accepted one in exactly one thing.
import { randomUUID } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import { DOMParser } from '@xmldom/xmldom';
import { generate } from 'selfsigned';
import { SignedXml } from 'xml-crypto';

export type SamlResponseOptions = {
  audience: string;
  acsUrl: string;
  /** The AuthnRequest's id; on the Response and (unless subjectInResponseTo is false) in the assertion. */
  inResponseTo: string;
  email: string;
  name?: string;
  assertionId?: string;
  notBefore?: Date;
  /** Of the Conditions and the SubjectConfirmationData; default in 5 minutes. */
  notOnOrAfter?: Date;
  /** The Issuer of the Response and of the Assertion; default the IdP's entity id. */
  issuer?: string;
  /** false: the assertion goes unsigned. */
  sign?: boolean;
  /** false: SubjectConfirmationData without InResponseTo (allowed by some IdPs), so only the
   *  unsigned Response names the request. */
  subjectInResponseTo?: boolean;
};

export type SamlTestIdp = {
  entityId: string;
  ssoUrl: string;
  certificatePem: string;
  metadataXml(): string;
  /** A SAML Response with one signed Assertion, base64-encoded as the HTTP-POST binding sends it. */
  signedResponse(options: SamlResponseOptions): string;
};

export type DecodedAuthnRequest = { id: string; acsUrl: string; issuer: string; relayState: string | null };

const PROTOCOL = 'urn:oasis:names:tc:SAML:2.0:protocol';
const ASSERTION = 'urn:oasis:names:tc:SAML:2.0:assertion';
const EMAIL_FORMAT = 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress';

export async function createSamlTestIdp(options: { entityId: string; ssoUrl?: string }): Promise<SamlTestIdp> {
  const { entityId } = options;
  const ssoUrl = options.ssoUrl ?? 'https://idp.test/sso';
  const keys = await generate([{ name: 'commonName', value: new URL(ssoUrl).hostname }], {
    keySize: 2048,
    algorithm: 'sha256',
  });
  const certificateBody = keys.cert.replace(/-----(BEGIN|END) CERTIFICATE-----|\s/g, '');

  return {
    entityId,
    ssoUrl,
    certificatePem: keys.cert,
    metadataXml: () => metadata(entityId, ssoUrl, certificateBody),
    signedResponse(response) {
      const xml = responseXml({ issuer: entityId, ...response });
      return Buffer.from(response.sign === false ? xml : signAssertion(xml, keys.private, keys.cert)).toString(
        'base64',
      );
    },
  };
}

/** What an IdP reads from our HTTP-Redirect sign-in URL: the request to answer, and where. */
export function decodeAuthnRequest(redirectUrl: string): DecodedAuthnRequest {
  const url = new URL(redirectUrl);
  const encoded = url.searchParams.get('SAMLRequest');
  if (!encoded) throw new Error(`No SAMLRequest in ${redirectUrl}`);
  const xml = inflateRawSync(Buffer.from(encoded, 'base64')).toString('utf8');
  const request = new DOMParser().parseFromString(xml, 'text/xml').documentElement;
  const issuer = request.getElementsByTagNameNS(ASSERTION, 'Issuer')[0]?.textContent ?? '';
  return {
    id: request.getAttribute('ID') ?? '',
    acsUrl: request.getAttribute('AssertionConsumerServiceURL') ?? '',
    issuer,
    relayState: url.searchParams.get('RelayState'),
  };
}

function metadata(entityId: string, ssoUrl: string, certificate: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="${xmlEscape(entityId)}">
  <md:IDPSSODescriptor WantAuthnRequestsSigned="false" protocolSupportEnumeration="${PROTOCOL}">
    <md:KeyDescriptor use="signing">
      <ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#">
        <ds:X509Data>
          <ds:X509Certificate>
            ${certificate.replace(/(.{64})/g, '$1\n            ')}
          </ds:X509Certificate>
        </ds:X509Data>
      </ds:KeyInfo>
    </md:KeyDescriptor>
    <md:NameIDFormat>${EMAIL_FORMAT}</md:NameIDFormat>
    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${xmlEscape(ssoUrl)}"/>
    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${xmlEscape(ssoUrl)}"/>
  </md:IDPSSODescriptor>
</md:EntityDescriptor>
`;
}

function responseXml(options: SamlResponseOptions & { issuer: string }): string {
  const now = new Date();
  const notBefore = (options.notBefore ?? new Date(now.getTime() - 60_000)).toISOString();
  const notOnOrAfter = (options.notOnOrAfter ?? new Date(now.getTime() + 5 * 60_000)).toISOString();
  const issued = now.toISOString();
  const assertionId = options.assertionId ?? `_a${randomUUID().replaceAll('-', '')}`;
  const subjectInResponseTo =
    options.subjectInResponseTo === false ? '' : ` InResponseTo="${xmlEscape(options.inResponseTo)}"`;
  const nameAttribute = options.name
    ? `<saml:Attribute Name="displayName"><saml:AttributeValue>${xmlEscape(options.name)}</saml:AttributeValue></saml:Attribute>`
    : '';
  return (
    `<samlp:Response xmlns:samlp="${PROTOCOL}" xmlns:saml="${ASSERTION}" ID="_r${randomUUID().replaceAll('-', '')}" ` +
    `Version="2.0" IssueInstant="${issued}" Destination="${xmlEscape(options.acsUrl)}" InResponseTo="${xmlEscape(options.inResponseTo)}">` +
    `<saml:Issuer>${xmlEscape(options.issuer)}</saml:Issuer>` +
    `<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>` +
    `<saml:Assertion ID="${xmlEscape(assertionId)}" Version="2.0" IssueInstant="${issued}">` +
    `<saml:Issuer>${xmlEscape(options.issuer)}</saml:Issuer>` +
    `<saml:Subject><saml:NameID Format="${EMAIL_FORMAT}">${xmlEscape(options.email)}</saml:NameID>` +
    `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">` +
    `<saml:SubjectConfirmationData NotOnOrAfter="${notOnOrAfter}" Recipient="${xmlEscape(options.acsUrl)}"${subjectInResponseTo}/>` +
    `</saml:SubjectConfirmation></saml:Subject>` +
    `<saml:Conditions NotBefore="${notBefore}" NotOnOrAfter="${notOnOrAfter}">` +
    `<saml:AudienceRestriction><saml:Audience>${xmlEscape(options.audience)}</saml:Audience></saml:AudienceRestriction>` +
    `</saml:Conditions>` +
    `<saml:AuthnStatement AuthnInstant="${issued}" SessionIndex="${xmlEscape(assertionId)}"><saml:AuthnContext>` +
    `<saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef>` +
    `</saml:AuthnContext></saml:AuthnStatement>` +
    `<saml:AttributeStatement>` +
    `<saml:Attribute Name="email"><saml:AttributeValue>${xmlEscape(options.email)}</saml:AttributeValue></saml:Attribute>` +
    nameAttribute +
    `</saml:AttributeStatement>` +
    `</saml:Assertion></samlp:Response>`
  );
}

/** Signs the Assertion in place; the Signature goes right after its Issuer, as the schema wants. */
function signAssertion(xml: string, privateKey: string, certificatePem: string): string {
  const signature = new SignedXml({
    privateKey,
    publicCert: certificatePem,
    signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#',
  });
  signature.addReference({
    xpath: "//*[local-name(.)='Assertion']",
    transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', 'http://www.w3.org/2001/10/xml-exc-c14n#'],
    digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
  });
  signature.computeSignature(xml, {
    prefix: 'ds',
    location: { reference: "//*[local-name(.)='Assertion']/*[local-name(.)='Issuer']", action: 'after' },
  });
  return signature.getSignedXml();
}

function xmlEscape(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
