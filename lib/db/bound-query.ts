// Binds a Prisma query to a tenant. Prisma queries are lazy: nothing runs until something calls
// then/catch/finally (await) or requestTransaction ($transaction([...])). The returned query enters
// the tenant's context exactly there, so each SQL statement the query sends names that tenant, no
// matter where it is awaited. Relation accessors (the fluent API: findUnique(...).tasks()) return
// queries bound the same way.
//
// Should a Prisma upgrade start queries some other way, they would run with no tenant: tenant
// tables read as empty and refuse writes (fail closed), and the isolation tests go red.
import { tenantContext } from './tenant-context';

const STARTS_THE_QUERY = new Set<PropertyKey>(['then', 'catch', 'finally', 'requestTransaction']);

/** Which tenant each bound query belongs to, so a batch transaction can refuse a foreign one. */
const boundTenant = new WeakMap<object, string | null>();

type Callable = (...args: unknown[]) => unknown;

export function isPrismaQuery(value: unknown): value is object {
  return typeof value === 'object' && value !== null && Reflect.get(value, Symbol.toStringTag) === 'PrismaPromise';
}

export function bindQuery<T>(tenant: string | null, query: T): T {
  if (!isPrismaQuery(query)) return query;
  const bound = new Proxy(query, {
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
  boundTenant.set(bound, tenant);
  return bound;
}

/** The tenant a query was bound to, or undefined for a query no tenant client made. */
export function tenantOfQuery(query: unknown): string | null | undefined {
  return typeof query === 'object' && query !== null ? boundTenant.get(query) : undefined;
}
