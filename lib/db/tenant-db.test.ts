// What tenantDb promises, checked against PostgreSQL as app_user. Each test names the property
// it guards; breaking the policy, the binding or the findUnique guard turns one of these red.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createTenant } from '../../tests/support/tenants';
import { globalDb } from './global-db';
import { tenantDb } from './tenant-db';

let a: { id: string; slug: string };
let b: { id: string; slug: string };
let aProject: { id: string };
let bProject: { id: string };

beforeAll(async () => {
  a = await createTenant('a');
  b = await createTenant('b');
  aProject = await tenantDb(a.id).project.create({
    data: { name: 'Apollo', tasks: { create: [{ title: 'a-task-1' }, { title: 'a-task-2' }] } },
  });
  bProject = await tenantDb(b.id).project.create({
    data: { name: 'Borealis', tasks: { create: [{ title: 'b-task-1' }] } },
  });
});

describe('reads are confined to the tenant', () => {
  it('findMany, count, aggregate and groupBy see only own rows', async () => {
    const db = tenantDb(a.id);
    expect((await db.project.findMany()).map((p) => p.id)).toEqual([aProject.id]);
    expect(await db.task.count()).toBe(2);
    expect((await db.task.aggregate({ _count: { _all: true } }))._count._all).toBe(2);
    const groups = await db.task.groupBy({ by: ['tenantId'], _count: { _all: true } });
    expect(groups).toEqual([{ tenantId: a.id, _count: { _all: 2 } }]);
  });

  it("another tenant's row by id is not found, with no hint it exists", async () => {
    const db = tenantDb(a.id);
    expect(await db.project.findUnique({ where: { id: bProject.id } })).toBeNull();
    expect(await db.project.findFirst({ where: { id: bProject.id } })).toBeNull();
    await expect(db.project.findUniqueOrThrow({ where: { id: bProject.id } })).rejects.toMatchObject({ code: 'P2025' });
    expect(await db.task.findMany({ where: { projectId: bProject.id } })).toEqual([]);
  });

  it('findUnique by a compound unique key: own row found, others not found', async () => {
    const found = await tenantDb(a.id).project.findUnique({
      where: { tenantId_name: { tenantId: a.id, name: 'Apollo' } },
    });
    expect(found?.id).toBe(aProject.id);
    expect(
      await tenantDb(a.id).project.findUnique({ where: { tenantId_name: { tenantId: b.id, name: 'Borealis' } } }),
    ).toBeNull();
    await expect(
      tenantDb(a.id).project.findUniqueOrThrow({ where: { tenantId_name: { tenantId: a.id, name: 'nope' } } }),
    ).rejects.toMatchObject({ code: 'P2025' });
  });

  it('the fluent API stays inside the tenant', async () => {
    const tasks = await tenantDb(b.id)
      .project.findUnique({ where: { id: bProject.id } })
      .tasks();
    expect(tasks?.map((t) => t.title)).toEqual(['b-task-1']);
    expect(
      await tenantDb(a.id)
        .project.findUnique({ where: { id: bProject.id } })
        .tasks(),
    ).toBeNull();
  });

  it('a query answers for the tenant that made it, wherever it is awaited', async () => {
    const aQuery = tenantDb(a.id).project.findMany();
    const inside = await tenantDb(b.id).$transaction(async () => await aQuery);
    expect(inside.map((p) => p.tenantId)).toEqual([a.id]);
  });

  it('relations loaded through include stay inside the tenant', async () => {
    const projects = await tenantDb(b.id).project.findMany({ include: { tasks: true, tenant: true } });
    expect(projects).toHaveLength(1);
    expect(projects[0]?.tasks.map((t) => t.title)).toEqual(['b-task-1']);
    expect(projects[0]?.tenant.id).toBe(b.id);
  });

  it('$queryRaw sees only own rows', async () => {
    const rows = await tenantDb(a.id).$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM tasks`;
    expect(Number(rows[0]?.n)).toBe(2);
    const leaked = await tenantDb(a.id).$queryRawUnsafe<unknown[]>(
      'SELECT * FROM projects WHERE id = $1::uuid',
      bProject.id,
    );
    expect(leaked).toEqual([]);
  });
});

describe('writes are confined to the tenant', () => {
  it('create fills tenant_id from the session; nested writes too', async () => {
    const t = await createTenant('writer');
    const project = await tenantDb(t.id).project.create({
      data: { name: 'Nested', tasks: { create: { title: 'child' } } },
      include: { tasks: true },
    });
    expect(project.tenantId).toBe(t.id);
    expect(project.tasks[0]?.tenantId).toBe(t.id);
  });

  it('createMany and createManyAndReturn write into the own tenant', async () => {
    const t = await createTenant('many');
    const db = tenantDb(t.id);
    await db.project.createMany({ data: [{ name: 'm1' }, { name: 'm2' }] });
    const returned = await db.project.createManyAndReturn({ data: [{ name: 'm3' }] });
    expect(returned[0]?.tenantId).toBe(t.id);
    expect(await db.project.count()).toBe(3);
  });

  it("naming another tenant's id in data is refused", async () => {
    await expect(tenantDb(a.id).project.create({ data: { name: 'Trojan', tenantId: b.id } })).rejects.toThrow(
      /row-level security/,
    );
    await expect(tenantDb(a.id).project.createMany({ data: [{ name: 'Trojan2', tenantId: b.id }] })).rejects.toThrow(
      /row-level security/,
    );
    expect(await tenantDb(b.id).project.count()).toBe(1);
  });

  it('moving a row into another tenant is refused', async () => {
    await expect(
      tenantDb(a.id).project.update({ where: { id: aProject.id }, data: { tenantId: b.id } }),
    ).rejects.toThrow(/row-level security/);
  });

  it("update, delete and updateMany cannot touch another tenant's rows", async () => {
    const db = tenantDb(a.id);
    await expect(db.project.update({ where: { id: bProject.id }, data: { name: 'pwned' } })).rejects.toMatchObject({
      code: 'P2025',
    });
    expect((await db.project.updateMany({ data: { name: 'Apollo' } })).count).toBe(1);
    expect((await db.task.deleteMany({ where: { projectId: bProject.id } })).count).toBe(0);
    await expect(db.project.delete({ where: { id: bProject.id } })).rejects.toMatchObject({ code: 'P2025' });
    const bName = await tenantDb(b.id).project.findUniqueOrThrow({ where: { id: bProject.id } });
    expect(bName.name).toBe('Borealis');
  });

  it("upsert onto another tenant's row is refused and changes nothing", async () => {
    await expect(
      tenantDb(a.id).project.upsert({
        where: { id: bProject.id },
        create: { id: bProject.id, name: 'x' },
        update: { name: 'pwned' },
      }),
    ).rejects.toThrow();
    expect((await tenantDb(b.id).project.findUniqueOrThrow({ where: { id: bProject.id } })).name).toBe('Borealis');
  });

  it('a foreign key cannot point into another tenant', async () => {
    await expect(tenantDb(a.id).task.create({ data: { title: 'x', projectId: bProject.id } })).rejects.toThrow(
      /foreign key/i,
    );
  });

  it('$executeRaw changes only own rows', async () => {
    const changed = await tenantDb(a.id).$executeRaw`UPDATE tasks SET status = 'done'`;
    expect(changed).toBe(2);
    expect(await tenantDb(b.id).task.count({ where: { status: 'done' } })).toBe(0);
    await tenantDb(a.id).$executeRaw`UPDATE tasks SET status = 'todo'`;
  });

  it('per-tenant uniqueness: another tenant may reuse a name', async () => {
    await tenantDb(b.id).project.create({ data: { name: 'Apollo' } });
    await expect(tenantDb(a.id).project.create({ data: { name: 'Apollo' } })).rejects.toMatchObject({ code: 'P2002' });
    await tenantDb(b.id).project.delete({ where: { tenantId_name: { tenantId: b.id, name: 'Apollo' } } });
  });
});

describe('transactions', () => {
  it('an interactive transaction is one transaction: a throw rolls back every write', async () => {
    const t = await createTenant('tx');
    const db = tenantDb(t.id);
    await expect(
      db.$transaction(async (tx) => {
        await tx.project.create({ data: { name: 'one', tasks: { create: { title: 't' } } } });
        await tx.project.create({ data: { name: 'two' } });
        expect(await tx.project.count()).toBe(2);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await db.project.count()).toBe(0);
    expect(await db.task.count()).toBe(0);
  });

  it('a failing statement inside the transaction rolls back the earlier ones', async () => {
    const t = await createTenant('tx2');
    const db = tenantDb(t.id);
    await expect(
      db.$transaction(async (tx) => {
        await tx.project.create({ data: { name: 'kept?' } });
        await tx.task.create({ data: { title: 'bad fk', projectId: bProject.id } });
      }),
    ).rejects.toThrow();
    expect(await db.project.count()).toBe(0);
  });

  it('the batch form $transaction([...]) is refused (Prisma would run it outside its tenant)', async () => {
    await expect(tenantDb(a.id).$transaction([tenantDb(a.id).project.findMany()])).rejects.toThrow(
      /not available on tenantDb/,
    );
    await expect(globalDb().$transaction([globalDb().tenant.findMany()])).rejects.toThrow(/not available/);
  });

  it('transactions of two tenants at once stay apart', async () => {
    const results = await Promise.all(
      [a, b, a, b].map((t) =>
        tenantDb(t.id).$transaction(async (tx) => (await tx.project.findMany()).map((p) => p.tenantId)),
      ),
    );
    expect(results).toEqual([[a.id], [b.id], [a.id], [b.id]]);
  });
});

describe('no tenant set', () => {
  it('reads zero rows through the global client', async () => {
    expect(await globalDb().project.findMany()).toEqual([]);
    expect(await globalDb().task.count()).toBe(0);
    expect(await globalDb().$queryRaw<unknown[]>`SELECT * FROM memberships`).toEqual([]);
  });

  it('refuses writes through the global client', async () => {
    await expect(globalDb().project.create({ data: { name: 'orphan', tenantId: a.id } })).rejects.toThrow(
      /row-level security/,
    );
    await expect(globalDb().project.create({ data: { name: 'orphan' } })).rejects.toThrow();
  });

  it('a fresh app_user connection reads zero rows, and a reused one too', async () => {
    const client = new pg.Client({ connectionString: inject('appUrl') });
    await client.connect();
    try {
      expect((await client.query('SELECT * FROM projects')).rows).toEqual([]);
      // A session setting (the usual RLS recipe) means nothing here: only the statement's tag counts.
      await client.query("SELECT set_config('app.tenant_id', $1, false)", [a.id]);
      expect((await client.query('SELECT * FROM projects')).rows).toEqual([]);
    } finally {
      await client.end();
    }
  });

  it('a session setting left on a pooled connection does not reach the app: statements name their tenant', async () => {
    await globalDb().$executeRaw`SELECT set_config('app.tenant_id', ${a.id}, false)`;
    expect(await globalDb().project.findMany()).toEqual([]);
    expect((await tenantDb(b.id).project.findMany()).map((p) => p.tenantId)).toEqual([b.id]);
  });

  it('raw SQL cannot claim another tenant with its own comment', async () => {
    const rows = await tenantDb(a.id).$queryRawUnsafe<{ tenant_id: string }[]>(
      `/* tenant:${b.id} */ SELECT tenant_id::text FROM projects`,
    );
    expect(rows.map((r) => r.tenant_id)).toEqual([a.id]);
  });

  it('the statement tag is read strictly: "none" reads nothing, a malformed id fails the statement', async () => {
    const client = new pg.Client({ connectionString: inject('appUrl') });
    await client.connect();
    try {
      expect((await client.query(`/* tenant:${a.id} */ SELECT tenant_id::text FROM projects`)).rows).toEqual([
        { tenant_id: a.id },
      ]);
      expect((await client.query('/* tenant:none */ SELECT * FROM projects')).rows).toEqual([]);
      await expect(client.query(`/* tenant:${'z'.repeat(36)} */ SELECT * FROM projects`)).rejects.toThrow(/uuid/);
      expect((await client.query(`/*tenant:${a.id} */ SELECT * FROM projects`)).rows).toEqual([]);
    } finally {
      await client.end();
    }
  });

  it('a tenant id that is not a UUID is refused before reaching the database', () => {
    expect(() => tenantDb('acme')).toThrow(/Not a tenant id/);
    expect(() => tenantDb(`${a.id}' OR '1'='1`)).toThrow(/Not a tenant id/);
    expect(() => tenantDb(randomUUID().toUpperCase())).toThrow(/Not a tenant id/);
  });
});
