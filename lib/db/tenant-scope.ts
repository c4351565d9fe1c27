// A tenant's view of the shared Prisma client: the models, raw SQL and $transaction, with every
// query bound to the tenant (lib/db/bound-query.ts), so each statement names it and PostgreSQL's
// policies do the filtering. Nothing here adds WHERE clauses, except the findUnique guard.
// Built as a thin object over the one client: a PrismaClient per tenant would cost 3.6 ms and
// 1.1 MB each, and a Prisma extension per tenant adds 20–60 µs to every query (docs/decisions/005).
import type { Prisma, PrismaClient } from '../generated/prisma/client';
import { bindQuery, tenantOfQuery } from './bound-query';
import type { GuardedClient } from './find-unique-guard';
import { tenantContext } from './tenant-context';
import { delegateName, IS_TENANT_MODEL } from './tenant-models';

const RAW_SQL = ['$queryRaw', '$executeRaw', '$queryRawUnsafe', '$executeRawUnsafe'] as const;
type ModelDelegate = Uncapitalize<Prisma.ModelName>;

export type TenantDb = Pick<PrismaClient, ModelDelegate | (typeof RAW_SQL)[number] | '$transaction'>;

type Callable = (...args: unknown[]) => unknown;
type Members = Record<PropertyKey, unknown>;

/** tenantId null: the global view, in which every tenant table reads as empty. */
export function scopeTo(base: PrismaClient, guarded: GuardedClient, tenantId: string | null): TenantDb {
  // The generated client has no index signature over its members; the names come from Prisma.
  const baseMembers = base as unknown as Members;
  const guardedMembers = guarded as unknown as Members;
  const scope: Members = {};

  for (const [model, isTenantModel] of Object.entries(IS_TENANT_MODEL)) {
    const name = delegateName(model);
    const delegate = baseMembers[name] as Members;
    const guardedDelegate = guardedMembers[name] as Members;
    const guardFindUnique = isTenantModel && tenantId !== null;
    scope[name] = new Proxy(delegate, {
      get(target, operation) {
        const useGuard = guardFindUnique && (operation === 'findUnique' || operation === 'findUniqueOrThrow');
        const method = (useGuard ? guardedDelegate[operation] : target[operation]) as Callable | undefined;
        if (typeof method !== 'function') return method;
        return (...args: unknown[]) => bindQuery(tenantId, method.apply(useGuard ? guardedDelegate : target, args));
      },
    });
  }

  for (const name of RAW_SQL) {
    const method = baseMembers[name] as Callable;
    scope[name] = (...args: unknown[]) => bindQuery(tenantId, method.apply(base, args));
  }

  scope.$transaction = (work: unknown, options?: unknown) => {
    if (Array.isArray(work) && !work.every((query) => tenantOfQuery(query) === tenantId)) {
      return Promise.reject(new Error(FOREIGN_QUERY_IN_BATCH));
    }
    // An interactive transaction's callback runs inside the context, so every statement of it,
    // through the tx client it receives, names this tenant.
    return tenantContext.run(tenantId, () => (base.$transaction as Callable)(work, options));
  };

  return scope as unknown as TenantDb;
}

// Prisma runs a batch in one flow: every statement would name the tenant of whichever query
// started it. A batch may therefore hold only this client's own queries.
const FOREIGN_QUERY_IN_BATCH = '$transaction([...]) takes only queries made by the same tenantDb (or globalDb) client';
