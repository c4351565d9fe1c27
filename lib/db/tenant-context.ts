// Which tenant the database work running now belongs to (null: none). Internal to lib/db: tenantDb
// and globalDb enter it around each query they start, and the adapter
// (tenant-tagging-adapter.ts) reads it when it sends each statement.
import { AsyncLocalStorage } from 'node:async_hooks';

export const tenantContext = new AsyncLocalStorage<string | null>();
