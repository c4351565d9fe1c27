// An exhausted pool fails fast with an error instead of hanging the request (pg's default waits
// forever), and the pool serves again once a connection is free.
import { expect, inject, it } from 'vitest';
import { createTenant } from '../../tests/support/tenants';
import { createPool } from './app-pool';
import { createAppPrisma } from './prisma';
import { scopeTo } from './tenant-scope';

it('a checkout from an exhausted pool fails after the timeout, and later ones succeed', async () => {
  const tenant = await createTenant('pool');
  const base = createAppPrisma(createPool(inject('appUrl'), 1, 300));
  const db = scopeTo(base, tenant.id);

  const holding = db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_sleep(1)`;
    },
    { timeout: 5_000 },
  );
  await new Promise((resolve) => setTimeout(resolve, 100));
  const started = performance.now();
  await expect(db.project.count()).rejects.toThrow(/timeout/i);
  expect(performance.now() - started).toBeLessThan(2_000);

  await holding;
  expect(await db.project.count()).toBe(0);
  await base.$disconnect();
});
