// SCIM responses: `application/scim+json`, and the Error and ListResponse envelopes of RFC 7644.
import type { ScimType } from './scim-failure';

export const SCIM_CONTENT_TYPE = 'application/scim+json';
const ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';
const LIST_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';

export function scimJson(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': SCIM_CONTENT_TYPE } });
}

export function scimError(status: number, detail: string, scimType?: ScimType): Response {
  // status is a string in SCIM's Error schema.
  return scimJson(
    { schemas: [ERROR_SCHEMA], status: String(status), detail, ...(scimType ? { scimType } : {}) },
    status,
  );
}

export function scimList<T>(resources: T[], totalResults: number, startIndex: number): Response {
  return scimJson({
    schemas: [LIST_SCHEMA],
    totalResults,
    startIndex,
    itemsPerPage: resources.length,
    Resources: resources,
  });
}
