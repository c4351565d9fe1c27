// Prisma merges findUnique calls made in the same tick into one SQL query, sent in the first
// caller's context and so naming the first caller's tenant. Without a guard, tenant B asking for
// A's row in the same tick as A received it (lib/db/tenant-interleaving.test.ts shows this).
// Naming the tenant in the where makes a merged query match only the caller's own rows, so the
// worst it can do is answer "not found"; that answer is confirmed by a findFirst, which Prisma
// never merges. This extension is used for tenant models' findUnique only.
import { Prisma, type PrismaClient } from '../generated/prisma/client';
import { tenantContext } from './tenant-context';
import { delegateName } from './tenant-models';

type FindFirstDelegate = {
  findFirst(args: unknown): Promise<unknown>;
  findFirstOrThrow(args: unknown): Promise<unknown>;
};

export function withFindUniqueGuard(base: PrismaClient) {
  return base.$extends(
    Prisma.defineExtension({
      name: 'find-unique-guard',
      query: {
        $allModels: {
          findUnique: ({ model, args, query }) => guarded(base, model, 'findUnique', args, query),
          findUniqueOrThrow: ({ model, args, query }) => guarded(base, model, 'findUniqueOrThrow', args, query),
        },
      },
    }),
  );
}

export type GuardedClient = ReturnType<typeof withFindUniqueGuard>;

async function guarded(
  base: PrismaClient,
  model: string,
  operation: 'findUnique' | 'findUniqueOrThrow',
  args: { where?: object },
  query: (args: { where?: object }) => Promise<unknown>,
): Promise<unknown> {
  const tenantId = tenantContext.getStore();
  if (!tenantId) return query(args);
  const scoped = { ...args, where: { ...args.where, tenantId } };
  try {
    const found = await query(scoped);
    if (found !== null) return found;
  } catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025')) throw error;
  }
  // The generated client has no index signature over its delegates; the model name comes from Prisma.
  const delegate = (base as unknown as Record<string, FindFirstDelegate | undefined>)[delegateName(model)];
  if (!delegate) throw new Error(`No Prisma delegate for model ${model}`);
  return operation === 'findUnique' ? delegate.findFirst(scoped) : delegate.findFirstOrThrow(scoped);
}
