// Many tenants' requests interleaved on a small pool, including same-tick findUnique calls for each
// other's ids (which Prisma merges into one query): every answer must belong to its requester.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTenant } from '../../tests/support/tenants';
import type { PrismaClient } from '../generated/prisma/client';
import { createPool } from './app-pool';
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

beforeAll(async () => {
  for (let i = 0; i < TENANTS; i++) {
    const t = await createTenant(`mix${i}`);
    const db = tenantDb(t.id);
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
async function oneRequest(db: TenantDb, me: Seeded): Promise<number> {
  const kind = Math.floor(Math.random() * 5);
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
  const { base, guarded } = createAppPrisma(createPool(inject('appUrl'), poolSize));
  const scoped = new Map(tenants.map((t) => [t.id, scopeTo(base, guarded, t.id)]));
  let wrong = 0;
  for (let done = 0; done < REQUESTS; done += SAME_TICK) {
    // Issued synchronously: all SAME_TICK requests start in one tick, so Prisma may batch them.
    const batch = Array.from({ length: SAME_TICK }, () => {
      const me = pick(tenants);
      return oneRequest(scoped.get(me.id) as TenantDb, me);
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

describe('why findUnique needs its guard', () => {
  it("unguarded, same-tick findUniques merged by Prisma would answer with another tenant's row", async () => {
    const { base, guarded } = createAppPrisma(createPool(inject('appUrl'), 1));
    const [first, second] = tenants as [Seeded, Seeded];
    // Both ask for the first tenant's project; the second asks in its own context, unguarded.
    const target = first.projectIds[0] as string;
    const [, leaked] = await Promise.all([
      tenantContext.run(first.id, async () => await base.project.findUnique({ where: { id: target } })),
      tenantContext.run(second.id, async () => await base.project.findUnique({ where: { id: target } })),
    ]);
    expect(leaked?.tenantId).toBe(first.id); // the trap is real in this Prisma version
    const answer = await scopeTo(base, guarded, second.id).project.findUnique({ where: { id: target } });
    expect(answer).toBeNull();
    await base.$disconnect();
  });
});

afterAll(() => {
  tenants = [];
});
