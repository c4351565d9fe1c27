// IdP metadata as admins paste it (Okta, Entra ID, federation files), and the hostile or broken
// kinds we must refuse with a message the admin can act on.
import { describe, expect, it } from 'vitest';
import { createSamlTestIdp } from '../../../tests/support/saml-test-idp';
import { MAX_METADATA_BYTES, parseIdpMetadata, SamlMetadataError } from './parse-idp-metadata';

const MD = 'xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata"';
const DS = 'xmlns:ds="http://www.w3.org/2000/09/xmldsig#"';
const PROTOCOLS = 'protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"';
const REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';
const POST = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST';

// Real certificates (the parser reads each one), made once at import: the case table below needs them.
const body = (pem: string) => pem.replace(/-----(BEGIN|END) CERTIFICATE-----|\s/g, '');
const newCertificate = async () =>
  body((await createSamlTestIdp({ entityId: 'https://idp.example.test' })).certificatePem);
const certificate = await newCertificate();
const otherCertificate = await newCertificate();

const key = (cert: string, use?: string) =>
  `<md:KeyDescriptor${use ? ` use="${use}"` : ''}><ds:KeyInfo ${DS}><ds:X509Data>` +
  `<ds:X509Certificate>\n    ${cert.replace(/(.{64})/g, '$1\n    ')}\n</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`;
const sso = (binding: string, location: string) =>
  `<md:SingleSignOnService Binding="${binding}" Location="${location}"/>`;

function metadata(options: { entityId?: string | null; inner?: string; protocols?: string } = {}): string {
  const entityId = options.entityId === null ? '' : ` entityID="${options.entityId ?? 'http://www.okta.com/exk1'}"`;
  const inner =
    options.inner ??
    key(certificate, 'signing') +
      sso(POST, 'https://acme.okta.com/post') +
      sso(REDIRECT, 'https://acme.okta.com/redirect');
  return `<?xml version="1.0" encoding="UTF-8"?><md:EntityDescriptor ${MD}${entityId}><md:IDPSSODescriptor ${options.protocols ?? PROTOCOLS}>${inner}</md:IDPSSODescriptor></md:EntityDescriptor>`;
}

function refusal(xml: string): string {
  try {
    parseIdpMetadata(xml);
  } catch (error) {
    if (error instanceof SamlMetadataError) return error.message;
    throw error;
  }
  throw new Error('the metadata was accepted');
}

describe('parseIdpMetadata', () => {
  it('reads the entity id, the HTTP-Redirect sign-in URL and the signing certificate without whitespace', () => {
    expect(parseIdpMetadata(metadata())).toEqual({
      entityId: 'http://www.okta.com/exk1',
      ssoUrl: 'https://acme.okta.com/redirect',
      certificates: [certificate],
    });
  });

  it('falls back to the HTTP-POST sign-in URL', () => {
    const xml = metadata({ inner: key(certificate) + sso(POST, 'https://login.example.test/saml2') });
    expect(parseIdpMetadata(xml).ssoUrl).toBe('https://login.example.test/saml2');
  });

  it('keeps signing keys and keys without a use, skips encryption keys, drops duplicates', () => {
    const inner =
      key(certificate, 'signing') +
      key(otherCertificate) +
      key(certificate) +
      key(certificate.slice(0, 40), 'encryption') +
      sso(REDIRECT, 'https://idp.example.test/sso');
    expect(parseIdpMetadata(metadata({ inner })).certificates).toEqual([certificate, otherCertificate]);
  });

  it('finds the identity provider inside an EntitiesDescriptor', () => {
    const sp = `<md:EntityDescriptor entityID="https://sp.example.test"><md:SPSSODescriptor ${PROTOCOLS}/></md:EntityDescriptor>`;
    const idp = metadata()
      .replace(/^<\?xml[^>]*>/, '')
      .replace(` ${MD}`, '');
    const xml = `<md:EntitiesDescriptor ${MD}>${sp}${idp}</md:EntitiesDescriptor>`;
    expect(parseIdpMetadata(xml).entityId).toBe('http://www.okta.com/exk1');
  });

  it.each([
    [
      'a DOCTYPE',
      `<!DOCTYPE md [<!ENTITY x SYSTEM "file:///etc/passwd">]>${metadata().replace(/^<\?xml[^>]*>/, '')}`,
      'The metadata must not contain a DOCTYPE.',
    ],
    [
      'an entity declaration alone',
      metadata().replace('<md:IDPSSODescriptor', '<!ENTITY x "y"><md:IDPSSODescriptor'),
      'The metadata must not contain a DOCTYPE.',
    ],
    ['text that is not XML', 'hello', 'The metadata is not valid XML.'],
    ['no EntityDescriptor', `<md:Other ${MD}/>`, 'The metadata is not SAML 2.0 metadata (no EntityDescriptor).'],
    ['no entityID', metadata({ entityId: null }), 'The metadata has no entityID.'],
    [
      'no IDPSSODescriptor',
      `<md:EntityDescriptor ${MD} entityID="x"><md:SPSSODescriptor ${PROTOCOLS}/></md:EntityDescriptor>`,
      'The metadata has no IDPSSODescriptor.',
    ],
    [
      'no SAML 2.0 support',
      metadata({ protocols: 'protocolSupportEnumeration="urn:oasis:names:tc:SAML:1.1:protocol"' }),
      'The identity provider in the metadata does not support SAML 2.0.',
    ],
    [
      'no SSO URL',
      metadata({ inner: key('CERT') }),
      'The metadata has no SingleSignOnService with the HTTP-Redirect or HTTP-POST binding.',
    ],
    [
      'only an Artifact binding',
      metadata({ inner: sso('urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact', 'https://x.test') }),
      'The metadata has no SingleSignOnService with the HTTP-Redirect or HTTP-POST binding.',
    ],
    [
      'a javascript: SSO URL',
      metadata({ inner: sso(REDIRECT, 'javascript:alert(1)') }),
      "The metadata's sign-in URL (SingleSignOnService) must start with https://.",
    ],
    [
      'an SSO URL that is not a URL',
      metadata({ inner: sso(REDIRECT, '/relative') }),
      "The metadata's sign-in URL (SingleSignOnService) is not a valid URL.",
    ],
    [
      'no certificate',
      metadata({ inner: sso(REDIRECT, 'https://idp.example.test/sso') }),
      'The metadata has no signing certificate.',
    ],
    [
      'only an encryption certificate',
      metadata({ inner: sso(REDIRECT, 'https://idp.example.test/sso') + key('MIIB', 'encryption') }),
      'The metadata has no signing certificate.',
    ],
    [
      'an unreadable certificate',
      metadata({ inner: sso(REDIRECT, 'https://idp.example.test/sso') + key('MIIBnotacert') }),
      'The metadata contains a signing certificate that cannot be read.',
    ],
  ])('refuses metadata with %s', (_case, xml, message) => {
    expect(refusal(xml)).toBe(message);
  });

  it('refuses metadata over 256 KB before parsing it', () => {
    const padded = metadata().replace(
      '<md:IDPSSODescriptor',
      `<!--${'x'.repeat(MAX_METADATA_BYTES)}--><md:IDPSSODescriptor`,
    );
    expect(refusal(padded)).toBe('The metadata is larger than 256 KB.');
  });
});
