// The words a person reads when their workspace is over its request limit: on the 429 page, in
// an API or SCIM error's detail, and as a form's error. Pure.
export function tenantRequestRefusalMessage(retryAfterSeconds: number): string {
  const unit = retryAfterSeconds === 1 ? 'second' : 'seconds';
  return `This workspace is making too many requests; try again in ${retryAfterSeconds} ${unit}.`;
}
