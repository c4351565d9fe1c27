// SP-initiated sign-in: the URL that sends the user to their workspace's IdP with a fresh
// AuthnRequest (HTTP-Redirect binding). The request id is recorded in saml_requests, so the ACS
// accepts only a response that answers it, once, within SAML_REQUEST_LIFETIME_MS.
import 'server-only';
import { type SamlConnection, samlClient } from './saml-client';

/**
 * relayState comes back untouched with the response: keep it an opaque, unguessable key to state
 * kept on our side (the SAML bindings say IdPs need only keep 80 bytes of it).
 */
export function samlSignInUrl(connection: SamlConnection, relayState: string): Promise<string> {
  return samlClient(connection).getAuthorizeUrlAsync(relayState, undefined, {});
}
