// Which tenant the database work running now belongs to. Internal to lib/db: application code
// never enters it directly; tenantDb(id) enters it around each of its own operations, and the
// adapter (tenant-tagging-adapter.ts) reads it when it sends each statement.
import { AsyncLocalStorage } from 'node:async_hooks';

export const tenantContext = new AsyncLocalStorage<string>();
