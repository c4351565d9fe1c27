// Binds a Prisma query to a tenant. Prisma queries are lazy: nothing runs until something calls
// then/catch/finally (await) or requestTransaction ($transaction([...])). The returned query enters
// the tenant's context exactly there, so each SQL statement the query sends names that tenant, no
// matter where it is awaited. Relation accessors (the fluent API: findUnique(...).tasks()) return
// queries bound the same way.
//
// Prisma may still send a started query from its own queue, in another request's context: the
// paths that do (findUnique, batch and interactive transactions) are closed in tenant-scope.ts and
// tenant-tagging-adapter.ts, and tenant-interleaving.test.ts checks each one under contention.
import { tenantContext } from './tenant-context';

const STARTS_THE_QUERY = new Set<PropertyKey>(['then', 'catch', 'finally', 'requestTransaction']);

type Callable = (...args: unknown[]) => unknown;

export function isPrismaQuery(value: unknown): value is object {
  return typeof value === 'object' && value !== null && Reflect.get(value, Symbol.toStringTag) === 'PrismaPromise';
}

export function bindQuery<T>(tenant: string | null, query: T): T {
  if (!isPrismaQuery(query)) return query;
  return new Proxy(query, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      const method = value as Callable;
      if (STARTS_THE_QUERY.has(property)) {
        return (...args: unknown[]) => tenantContext.run(tenant, () => method.apply(target, args));
      }
      return (...args: unknown[]) => bindQuery(tenant, method.apply(target, args));
    },
  });
}
