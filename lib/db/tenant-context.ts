// Which tenant the database work running now belongs to. Internal to lib/db: application code
// never sets it; tenantDb(id) enters it around each of its own operations.
import { AsyncLocalStorage } from 'node:async_hooks';

export const tenantContext = new AsyncLocalStorage<string>();

/** The value bound to app.tenant_id for work in the current context: '' means no tenant. */
export function currentTenantSetting(): string {
  return tenantContext.getStore() ?? '';
}
