// A tenant's view of the shared Prisma client: the models, raw SQL and interactive transactions,
// with every query bound to the tenant (lib/db/bound-query.ts), so each statement names it and
// PostgreSQL's policies do the filtering. Nothing here adds WHERE clauses.
// Built as a thin object over the one client: a PrismaClient per tenant would cost 3.6 ms and
// 1.1 MB each, and a Prisma extension per tenant adds 20–60 µs to every query (docs/decisions/005).
//
// Two Prisma paths send work from a queue, in whatever async context flushes it, so they are
// closed here: findUnique (sent as findFirst, lib/db/find-unique-as-find-first.ts) and the batch
// form $transaction([...]) (refused; use the interactive form). An interactive transaction's
// statements carry the tenant pinned when it opened (lib/db/tenant-tagging-adapter.ts).
import { Prisma, type PrismaClient } from '../generated/prisma/client';
import { bindQuery } from './bound-query';
import { asFindFirstArgs, FIND_FIRST_FOR } from './find-unique-as-find-first';
import { tenantContext } from './tenant-context';

const RAW_SQL = ['$queryRaw', '$executeRaw', '$queryRawUnsafe', '$executeRawUnsafe'] as const;
type ModelDelegate = Uncapitalize<Prisma.ModelName>;

export type TenantDb = Pick<PrismaClient, ModelDelegate | (typeof RAW_SQL)[number] | '$transaction'>;

export const BATCH_TRANSACTIONS_REFUSED =
  '$transaction([...]) is not available on tenantDb/globalDb: Prisma runs a batch from a shared queue, ' +
  'outside the tenant it belongs to. Use $transaction(async (tx) => { ... }).';

type Callable = (...args: unknown[]) => unknown;
type Members = Record<PropertyKey, unknown>;

/** tenantId null: the global view, in which every tenant table reads as empty. */
export function scopeTo(base: PrismaClient, tenantId: string | null): TenantDb {
  // The generated client has no index signature over its members; the names come from Prisma.
  const baseMembers = base as unknown as Members;
  const scope: Members = {};

  for (const model of Object.values(Prisma.ModelName)) {
    const name = delegateName(model);
    scope[name] = new Proxy(baseMembers[name] as Members, {
      get(delegate, operation) {
        const findFirst = typeof operation === 'string' ? FIND_FIRST_FOR[operation] : undefined;
        const method = delegate[findFirst ?? operation] as Callable | undefined;
        if (typeof method !== 'function') return method;
        return (...args: unknown[]) =>
          bindQuery(tenantId, method.apply(delegate, findFirst ? [asFindFirstArgs(args[0])] : args));
      },
    });
  }

  for (const name of RAW_SQL) {
    const method = baseMembers[name] as Callable;
    scope[name] = (...args: unknown[]) => bindQuery(tenantId, method.apply(base, args));
  }

  scope.$transaction = (work: unknown, options?: unknown) => {
    if (typeof work !== 'function') return Promise.reject(new Error(BATCH_TRANSACTIONS_REFUSED));
    // The transaction opens in this context, so the adapter pins this tenant to all its statements.
    return tenantContext.run(tenantId, () => (base.$transaction as Callable)(work, options));
  };

  return scope as unknown as TenantDb;
}

/** Prisma's delegate name for a model: Project → project. */
function delegateName(model: string): string {
  return model.charAt(0).toLowerCase() + model.slice(1);
}
