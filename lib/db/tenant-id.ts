// Tenant ids are UUIDs. Checked before any binding so that a slug, an empty string or a client-sent
// value can never be written into a statement's tenant tag.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function assertTenantId(tenantId: string): void {
  if (!UUID.test(tenantId)) {
    throw new TypeError(`Not a tenant id (expected a lower-case UUID): ${JSON.stringify(tenantId).slice(0, 60)}`);
  }
}
