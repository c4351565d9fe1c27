// Reads the three things we need from an identity provider's SAML metadata: its entity id, where to
// send users to sign in, and the certificates its assertions are signed with. The XML comes from an
// admin (pasted, or fetched from a URL they gave), so it is treated as hostile: bounded in size, no
// DOCTYPE (no entities, so no XXE or entity expansion), and every value checked.
import { X509Certificate } from 'node:crypto';
import { DOMParser } from '@xmldom/xmldom';

export type IdpMetadata = {
  entityId: string;
  /** Where we send the AuthnRequest (HTTP-Redirect binding when offered, else HTTP-POST). */
  ssoUrl: string;
  /** Signing certificates as base64 DER without whitespace or PEM armour (X509Certificate's body);
   *  node-saml's idpCert accepts this form as is. */
  certificates: string[];
};

/** A user-facing reason the metadata cannot be used. */
export class SamlMetadataError extends Error {
  override name = 'SamlMetadataError';
}

export const MAX_METADATA_BYTES = 256 * 1024;

const MD = 'urn:oasis:names:tc:SAML:2.0:metadata';
const DS = 'http://www.w3.org/2000/09/xmldsig#';
const SAML2_PROTOCOL = 'urn:oasis:names:tc:SAML:2.0:protocol';
const REDIRECT_BINDING = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';
const POST_BINDING = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST';

export function parseIdpMetadata(xml: string): IdpMetadata {
  if (Buffer.byteLength(xml) > MAX_METADATA_BYTES) throw new SamlMetadataError('The metadata is larger than 256 KB.');
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new SamlMetadataError('The metadata must not contain a DOCTYPE.');

  const entity = idpEntityDescriptor(parseXml(xml));
  const entityId = entity.getAttribute('entityID')?.trim();
  if (!entityId) throw new SamlMetadataError('The metadata has no entityID.');
  const idp = children(entity, MD, 'IDPSSODescriptor')[0];
  if (!idp) throw new SamlMetadataError('The metadata has no IDPSSODescriptor.');
  if (!(idp.getAttribute('protocolSupportEnumeration') ?? '').split(/\s+/).includes(SAML2_PROTOCOL)) {
    throw new SamlMetadataError('The identity provider in the metadata does not support SAML 2.0.');
  }
  return { entityId, ssoUrl: singleSignOnUrl(idp), certificates: signingCertificates(idp) };
}

function parseXml(xml: string): Document {
  const fail = () => {
    throw new SamlMetadataError('The metadata is not valid XML.');
  };
  let document: Document;
  try {
    document = new DOMParser({ errorHandler: { error: fail, fatalError: fail } }).parseFromString(xml, 'text/xml');
  } catch {
    return fail();
  }
  if (!document.documentElement) return fail();
  return document;
}

/** The root EntityDescriptor, or the one IdP inside an EntitiesDescriptor (a federation's file). */
function idpEntityDescriptor(document: Document): Element {
  const root = document.documentElement;
  if (root.namespaceURI === MD && root.localName === 'EntityDescriptor') return root;
  if (root.namespaceURI === MD && root.localName === 'EntitiesDescriptor') {
    const idps = children(root, MD, 'EntityDescriptor').filter((entity) => children(entity, MD, 'IDPSSODescriptor')[0]);
    if (idps.length > 1) {
      throw new SamlMetadataError(
        'The metadata describes several identity providers: give the one for this workspace.',
      );
    }
    if (idps[0]) return idps[0];
    throw new SamlMetadataError('The metadata has no IDPSSODescriptor.');
  }
  throw new SamlMetadataError('The metadata is not SAML 2.0 metadata (no EntityDescriptor).');
}

function singleSignOnUrl(idp: Element): string {
  const services = children(idp, MD, 'SingleSignOnService');
  const service =
    services.find((element) => element.getAttribute('Binding') === REDIRECT_BINDING) ??
    services.find((element) => element.getAttribute('Binding') === POST_BINDING);
  const location = service?.getAttribute('Location')?.trim();
  if (!location) {
    throw new SamlMetadataError('The metadata has no SingleSignOnService with the HTTP-Redirect or HTTP-POST binding.');
  }
  let url: URL;
  try {
    url = new URL(location);
  } catch {
    throw new SamlMetadataError("The metadata's sign-in URL (SingleSignOnService) is not a valid URL.");
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new SamlMetadataError("The metadata's sign-in URL (SingleSignOnService) must start with https://.");
  }
  return url.href;
}

/** KeyDescriptors for signing: use="signing", or no use (good for both signing and encryption). */
function signingCertificates(idp: Element): string[] {
  const certificates = new Set<string>();
  for (const descriptor of children(idp, MD, 'KeyDescriptor')) {
    const use = descriptor.getAttribute('use');
    if (use && use !== 'signing') continue;
    for (const keyInfo of children(descriptor, DS, 'KeyInfo')) {
      for (const data of children(keyInfo, DS, 'X509Data')) {
        for (const certificate of children(data, DS, 'X509Certificate')) {
          certificates.add(readableCertificate(certificate.textContent ?? ''));
        }
      }
    }
  }
  if (certificates.size === 0) throw new SamlMetadataError('The metadata has no signing certificate.');
  return [...certificates];
}

function readableCertificate(text: string): string {
  const body = text.replace(/\s+/g, '');
  try {
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body)) throw new Error('not base64');
    new X509Certificate(Buffer.from(body, 'base64'));
  } catch {
    throw new SamlMetadataError('The metadata contains a signing certificate that cannot be read.');
  }
  return body;
}

function children(parent: Element, namespace: string, localName: string): Element[] {
  return Array.from(parent.childNodes).filter(
    (node): node is Element => isElement(node) && node.namespaceURI === namespace && node.localName === localName,
  );
}

function isElement(node: Node): node is Element {
  return node.nodeType === 1; // Node.ELEMENT_NODE: the DOM's Node global does not exist on the server
}
