// SCIM: what this service provider supports (RFC 7643 §5): PATCH, filtering by equality, no bulk,
// no sorting, no ETags, bearer tokens.

import { MAX_PAGE_SIZE } from '@/lib/scim/scim-page';
import { scimJson } from '@/lib/scim/scim-response';
import { scimRoute } from '@/lib/scim/scim-route';

export const GET = scimRoute<{ tenant: string }>(async ({ baseUrl }) =>
  scimJson({
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'],
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: MAX_PAGE_SIZE },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: false },
    authenticationSchemes: [
      { type: 'oauthbearertoken', name: 'Bearer token', description: 'The workspace SCIM token', primary: true },
    ],
    meta: { resourceType: 'ServiceProviderConfig', location: `${baseUrl}/ServiceProviderConfig` },
  }),
);
