// An expected SCIM refusal (RFC 7644 §3.12), thrown inside a service's transaction so nothing it
// did is kept; the route turns it into the SCIM error response.
export type ScimType = 'uniqueness' | 'invalidValue' | 'invalidFilter' | 'invalidSyntax' | 'mutability' | 'noTarget';

export class ScimFailure extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413,
    detail: string,
    readonly scimType?: ScimType,
  ) {
    super(detail);
  }
}
