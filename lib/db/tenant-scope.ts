// Builds a tenant's client from the shared Prisma client: every operation (model queries, raw SQL,
// the statements of a transaction) runs inside the tenant's context, so each statement the adapter
// sends names that tenant (lib/db/tenant-tagging-adapter.ts) and PostgreSQL's policies do the
// filtering. Nothing here adds WHERE clauses, except for findUnique.
import { Prisma, type PrismaClient } from '../generated/prisma/client';
import { tenantContext } from './tenant-context';
import { delegateName, isTenantModel } from './tenant-models';

type FindFirstDelegate = {
  findFirst(args: unknown): Promise<unknown>;
  findFirstOrThrow(args: unknown): Promise<unknown>;
};

export function scopeToTenant(base: PrismaClient, tenantId: string) {
  return base.$extends(
    Prisma.defineExtension({
      name: 'tenant-scope',
      query: {
        $allOperations({ model, operation, args, query }) {
          if (model && isTenantModel(model) && (operation === 'findUnique' || operation === 'findUniqueOrThrow')) {
            return tenantContext.run(tenantId, findUniqueWithinTenant, base, tenantId, model, operation, args, query);
          }
          // query() is lazy: calling then() here starts the request inside the context the adapter reads.
          return tenantContext.run(tenantId, () => query(args).then(passThrough));
        },
      },
    }),
  );
}

export type TenantDb = ReturnType<typeof scopeToTenant>;

// Prisma merges findUnique calls made in the same tick into one SQL query, sent in the first
// caller's context and so naming the first caller's tenant. Naming our tenant in the where makes a merged
// query match only our own rows, so the worst it can do is answer "not found"; that answer is then
// confirmed by a findFirst of our own, which Prisma never merges. Never another tenant's row.
async function findUniqueWithinTenant(
  base: PrismaClient,
  tenantId: string,
  model: string,
  operation: 'findUnique' | 'findUniqueOrThrow',
  args: { where?: object },
  query: (args: { where?: object }) => Promise<unknown>,
): Promise<unknown> {
  const scoped = { ...args, where: { ...args.where, tenantId } };
  try {
    const found = await query(scoped);
    if (found !== null) return found;
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  // The generated client has no index signature over its delegates; the model name comes from Prisma.
  const delegate = (base as unknown as Record<string, FindFirstDelegate | undefined>)[delegateName(model)];
  if (!delegate) throw new Error(`No Prisma delegate for model ${model}`);
  return operation === 'findUnique' ? delegate.findFirst(scoped) : delegate.findFirstOrThrow(scoped);
}

const passThrough = <T>(value: T): T => value;

function isNotFound(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025';
}
