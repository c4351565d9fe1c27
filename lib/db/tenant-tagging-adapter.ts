// Wraps Prisma's pg adapter so that every statement names its tenant in a leading SQL comment:
//   /* tenant:7f0c…e21 */ SELECT … FROM "projects" …     (work inside tenantDb(id))
//   /* tenant:none */ SELECT … FROM "tenants" …            (everything else)
// PostgreSQL's current_tenant_id() reads that comment (see the init migration), and the policies
// compare tenant_id with it. The tenant travels with the statement: no SET before it, no extra
// round trip, and nothing left behind on a pooled connection for the next request to inherit.
import type {
  SqlDriverAdapter,
  SqlDriverAdapterFactory,
  SqlQuery,
  SqlResultSet,
  Transaction,
} from '@prisma/driver-adapter-utils';
import { tenantContext } from './tenant-context';

/** The comment for the tenant of the current async context. Tenant ids are UUIDs (checked by tenantDb). */
export function tenantTag(): string {
  return `/* tenant:${tenantContext.getStore() ?? 'none'} */ `;
}

function tagged(query: SqlQuery, tag = tenantTag()): SqlQuery {
  return { ...query, sql: tag + query.sql };
}

export function tenantTagging(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => tagAdapter(await factory.connect()),
  };
}

function tagAdapter(adapter: SqlDriverAdapter): SqlDriverAdapter {
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (query): Promise<SqlResultSet> => adapter.queryRaw(tagged(query)),
    executeRaw: (query): Promise<number> => adapter.executeRaw(tagged(query)),
    executeScript: (script) => adapter.executeScript(script),
    startTransaction: async (isolationLevel) => {
      // Read now, in the context of whoever opened the transaction: Prisma later sends the
      // transaction's statements from a queue that may run in another request's context.
      const tag = tenantTag();
      return tagTransaction(await adapter.startTransaction(isolationLevel), tag);
    },
    getConnectionInfo: adapter.getConnectionInfo?.bind(adapter),
    dispose: () => adapter.dispose(),
  };
}

// Every statement of a transaction names the tenant that opened it.
function tagTransaction(transaction: Transaction, tag: string): Transaction {
  return {
    provider: transaction.provider,
    adapterName: transaction.adapterName,
    options: transaction.options,
    queryRaw: (query) => transaction.queryRaw(tagged(query, tag)),
    executeRaw: (query) => transaction.executeRaw(tagged(query, tag)),
    commit: () => transaction.commit(),
    rollback: () => transaction.rollback(),
    createSavepoint: transaction.createSavepoint?.bind(transaction),
    rollbackToSavepoint: transaction.rollbackToSavepoint?.bind(transaction),
    releaseSavepoint: transaction.releaseSavepoint?.bind(transaction),
  };
}
