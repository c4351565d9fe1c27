// Many tenants' requests interleaved on a small pool, including same-tick findUnique calls for each
// other's ids (which Prisma merges into one query): every answer must belong to its requester.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTenant } from '../../tests/support/tenants';
import type { PrismaClient } from '../generated/prisma/client';
import { createPool } from './app-pool';
import { authDb } from './auth-db';
import { createAppPrisma } from './prisma';
import { tenantContext } from './tenant-context';
import { tenantDb } from './tenant-db';
import { scopeTo, type TenantDb } from './tenant-scope';

const TENANTS = 12;
const PROJECTS_EACH = 4;
const REQUESTS = 10_000;
const SAME_TICK = 40;

type Seeded = { id: string; projectIds: string[] };
let tenants: Seeded[] = [];
const owner = new Map<string, string>();
let sharedUserId = '';

beforeAll(async () => {
  const user = await authDb().user.create({ data: { email: `shared-${randomUUID()}@example.test` } });
  sharedUserId = user.id;
  for (let i = 0; i < TENANTS; i++) {
    const t = await createTenant(`mix${i}`);
    const db = tenantDb(t.id);
    await db.membership.create({ data: { userId: user.id, role: 'member' } });
    const projectIds: string[] = [];
    for (let j = 0; j < PROJECTS_EACH; j++) {
      const p = await db.project.create({ data: { name: `p${j}`, tasks: { create: { title: `t${j}` } } } });
      projectIds.push(p.id);
      owner.set(p.id, t.id);
    }
    tenants.push({ id: t.id, projectIds });
  }
});

const pick = <T>(list: T[]): T => list[Math.floor(Math.random() * list.length)] as T;

/** One request: returns the number of wrong answers it saw (0 or 1). */
async function oneRequest(db: TenantDb, me: Seeded, global: TenantDb): Promise<number> {
  const kind = Math.floor(Math.random() * 8);
  if (kind === 5) {
    // An interactive transaction: Prisma sends its statements from a queue shared by the tick.
    const rows = await db.$transaction(async (tx) => tx.project.findMany());
    return rows.length === PROJECTS_EACH && rows.every((r) => r.tenantId === me.id) ? 0 : 1;
  }
  if (kind === 6) {
    // A global model with a tenant relation, the same user in every workspace.
    const user = await db.user.findUnique({ where: { id: sharedUserId }, include: { memberships: true } });
    return user?.memberships.length === 1 && user.memberships[0]?.tenantId === me.id ? 0 : 1;
  }
  if (kind === 7) {
    // The global client never sees tenant rows, even when asked in the same tick as a tenant.
    return (await global.project.findUnique({ where: { id: pick(me.projectIds) } })) === null ? 0 : 1;
  }
  if (kind === 0) {
    const found = await db.project.findUnique({ where: { id: pick(me.projectIds) } });
    return found?.tenantId === me.id ? 0 : 1;
  }
  if (kind === 1) {
    const theirs = pick(tenants.filter((t) => t.id !== me.id));
    const found = await db.project.findUnique({ where: { id: pick(theirs.projectIds) } });
    return found === null ? 0 : 1;
  }
  if (kind === 2) {
    const rows = await db.task.findMany({ take: 20, orderBy: { createdAt: 'desc' } });
    return rows.length === PROJECTS_EACH && rows.every((r) => r.tenantId === me.id) ? 0 : 1;
  }
  if (kind === 3) {
    return (await db.project.count()) === PROJECTS_EACH ? 0 : 1;
  }
  const rows = await db.$queryRaw<{ tenant_id: string }[]>`SELECT tenant_id::text FROM projects`;
  return rows.length === PROJECTS_EACH && rows.every((r) => r.tenant_id === me.id) ? 0 : 1;
}

async function run(poolSize: number): Promise<{ wrong: number; base: PrismaClient }> {
  const base = createAppPrisma(createPool(inject('appUrl'), poolSize));
  const scoped = new Map(tenants.map((t) => [t.id, scopeTo(base, t.id)]));
  const global = scopeTo(base, null);
  let wrong = 0;
  for (let done = 0; done < REQUESTS; done += SAME_TICK) {
    // Issued synchronously: all SAME_TICK requests start in one tick, so Prisma may batch them.
    const batch = Array.from({ length: SAME_TICK }, () => {
      const me = pick(tenants);
      return oneRequest(scoped.get(me.id) as TenantDb, me, global);
    });
    wrong += (await Promise.all(batch)).reduce((sum, n) => sum + n, 0);
  }
  return { wrong, base };
}

describe.each([1, 10])('pool of %i', (poolSize) => {
  it(`${REQUESTS} interleaved requests of ${TENANTS} tenants: 0 wrong`, async () => {
    const { wrong, base } = await run(poolSize);
    expect(wrong).toBe(0);
    // The setting does not survive on a pooled connection: unscoped work now sees nothing.
    expect(await base.project.count()).toBe(0);
    await base.$disconnect();
  });
});

describe('why scopes send findUnique as findFirst', () => {
  it("same-tick findUniques merged by Prisma would answer with another tenant's row", async () => {
    const base = createAppPrisma(createPool(inject('appUrl'), 1));
    const [first, second] = tenants as [Seeded, Seeded];
    // Both ask for the first tenant's project; the second asks in its own context, unguarded.
    const target = first.projectIds[0] as string;
    const [, leaked] = await Promise.all([
      tenantContext.run(first.id, async () => await base.project.findUnique({ where: { id: target } })),
      tenantContext.run(second.id, async () => await base.project.findUnique({ where: { id: target } })),
    ]);
    expect(leaked?.tenantId).toBe(first.id); // the trap is real in this Prisma version
    const answer = await scopeTo(base, second.id).project.findUnique({ where: { id: target } });
    expect(answer).toBeNull();
    await base.$disconnect();
  });
});

describe('an interactive transaction keeps its tenant', () => {
  it("even when another tenant's transaction flushes Prisma's queue (both released by one promise)", async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    // Each transaction opens, then waits at the gate; released together, their statements enter
    // Prisma's queue in the same tick and are sent from whichever request flushes it.
    const work = tenants.slice(0, 4).map((tenant) =>
      tenantDb(tenant.id).$transaction(async (tx) => {
        await gate;
        const created = await tx.project.create({ data: { name: `tx-${randomUUID()}` } });
        const seen = await tx.project.findMany();
        await tx.project.delete({ where: { id: created.id } });
        return { tenant: tenant.id, created: created.tenantId, seen: seen.map((p) => p.tenantId) };
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    release();
    for (const result of await Promise.all(work)) {
      expect(result.created).toBe(result.tenant);
      expect(result.seen.every((id) => id === result.tenant)).toBe(true);
    }
  });
});

afterAll(() => {
  tenants = [];
});
