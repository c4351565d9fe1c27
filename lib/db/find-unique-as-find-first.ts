// Prisma queues findUnique calls and sends each tick's queue from the first caller's async context,
// merging them into one query: under statement tagging, another request's findUnique would run as
// the first caller's tenant (a leak we reproduced for tenant models, for includes of tenant
// relations from global models, and for globalDb). findFirst is never queued, so scopes send
// findUnique as findFirst with the same where, compound unique keys spelled out as their fields.

/** { tenantId_name: { tenantId, name }, id } → { tenantId, name, id } */
export function expandCompoundKeys(where: unknown): unknown {
  if (typeof where !== 'object' || where === null || Array.isArray(where)) return where;
  const expanded: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(where)) {
    if (isCompoundKey(key, value)) Object.assign(expanded, value);
    else expanded[key] = value;
  }
  return expanded;
}

// Prisma names a compound unique key after its fields, joined by "_". (A key given a custom
// name with @@unique(name: …) is not recognised: findFirst then rejects it loudly.)
function isCompoundKey(key: string, value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof Date) return false;
  const fields = Object.keys(value);
  return fields.length > 1 && fields.join('_') === key;
}

export const FIND_FIRST_FOR: Record<string, string> = {
  findUnique: 'findFirst',
  findUniqueOrThrow: 'findFirstOrThrow',
};

export function asFindFirstArgs(args: unknown): unknown {
  if (typeof args !== 'object' || args === null) return args;
  const { where, ...rest } = args as { where?: unknown };
  return { ...rest, where: expandCompoundKeys(where) };
}
