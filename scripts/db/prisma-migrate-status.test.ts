// Our runner promises that a later `prisma migrate deploy` sees nothing pending, failed or edited.
// Prisma's own schema engine (Wasm) is asked exactly what `migrate status` and `migrate deploy` ask,
// about throwaway databases only; the negative control proves it really reads our bookkeeping.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { applyMigrations, readMigrations } from './apply-migrations';
import { type DiagnoseMigrationHistoryOutput, withMigrateEngine } from './drift/migrate-status';
import type { SchemaContainer } from './drift/schema-engine';
import { createThrowawayDatabase, type ThrowawayDatabase } from './drift/throwaway-database';
import { withClient } from './with-client';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SCHEMA = path.join(ROOT, 'prisma/schema.prisma');
const MIGRATIONS = path.join(ROOT, 'prisma/migrations');
const PRISMA_MIGRATE_LOCK = 72707369;

// What `migrate status` reports as "Database schema is up to date!" (history null = in sync).
const UP_TO_DATE: DiagnoseMigrationHistoryOutput = {
  editedMigrationNames: [],
  failedMigrationNames: [],
  hasMigrationsTable: true,
  history: null,
};

const databases: ThrowawayDatabase[] = [];
const tempDirs: string[] = [];

afterAll(async () => {
  await Promise.all(databases.splice(0).map((database) => database.drop()));
  await Promise.all(tempDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/**
 * The server the run's global setup chose (DATABASE_URL, else embedded PostgreSQL). Not
 * process.env.DATABASE_URL: tests/support/database-env.ts points that at the run's test database.
 */
async function throwawayDatabase(): Promise<ThrowawayDatabase> {
  const database = await createThrowawayDatabase(inject('serverUrl'), 'migrate_status');
  databases.push(database);
  return database;
}

async function schemaFiles(): Promise<SchemaContainer[]> {
  return [{ path: SCHEMA, content: await readFile(SCHEMA, 'utf8') }];
}

async function migrationNames(dir: string): Promise<string[]> {
  return (await readMigrations(dir)).map((migration) => migration.name);
}

describe('Prisma migrate, after our applyMigrations', () => {
  it('sees nothing pending, failed or edited, and deploy applies nothing', async () => {
    const database = await throwawayDatabase();
    expect(await applyMigrations(database.url, MIGRATIONS)).toEqual(await migrationNames(MIGRATIONS));

    const result = await withMigrateEngine(database.url, await schemaFiles(), MIGRATIONS, async (engine) => {
      const status = await engine.status();
      const deploy = await engine.deploy();
      return { status, deploy, statusAfterDeploy: await engine.status(), queries: engine.queries() };
    });

    expect(result.status).toEqual(UP_TO_DATE);
    expect(result.deploy).toEqual({ appliedMigrationNames: [] });
    expect(result.statusAfterDeploy).toEqual(UP_TO_DATE);
    // An engine that never queried the database could not vouch for it.
    expect(result.queries).toBeGreaterThan(0);
  });

  it('waits for the advisory lock our runner takes', async () => {
    const database = await throwawayDatabase();
    await applyMigrations(database.url, MIGRATIONS);

    const { waiting, deploy } = await withClient(database.url, async (holder) => {
      await holder.query('SELECT pg_advisory_lock($1)', [PRISMA_MIGRATE_LOCK]);
      return withMigrateEngine(database.url, await schemaFiles(), MIGRATIONS, async (engine) => {
        const deploying = engine.deploy();
        let waiting = 0;
        try {
          // The engine's lock request shows in pg_locks as an ungranted advisory lock on the same key.
          for (let attempt = 0; attempt < 100 && waiting === 0; attempt += 1) {
            await new Promise((resolve) => setTimeout(resolve, 20));
            const { rows } = await holder.query<{ count: number }>(
              `SELECT count(*)::int AS count FROM pg_locks
               WHERE locktype = 'advisory' AND NOT granted AND classid = 0 AND objid = $1 AND objsubid = 1`,
              [PRISMA_MIGRATE_LOCK],
            );
            waiting = rows[0]?.count ?? 0;
          }
        } finally {
          // The Wasm engine waits for the lock without a timeout: never leave it waiting.
          await holder.query('SELECT pg_advisory_unlock($1)', [PRISMA_MIGRATE_LOCK]);
        }
        return { waiting, deploy: await deploying };
      });
    });

    expect(waiting).toBe(1);
    expect(deploy).toEqual({ appliedMigrationNames: [] });
  });

  it('accepts the rolled-back record our runner leaves for a failed migration that was then fixed', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'migrate-status-'));
    tempDirs.push(dir);
    const write = async (name: string, sql: string) => {
      await mkdir(path.join(dir, name), { recursive: true });
      await writeFile(path.join(dir, name, 'migration.sql'), sql);
    };
    await writeFile(path.join(dir, 'migration_lock.toml'), 'provider = "postgresql"\n');
    await write('001_a', 'CREATE TABLE a (id int);');
    await write('002_b', 'CREATE TABLE b (id int); SELECT * FROM no_such_table;');
    const database = await throwawayDatabase();
    await expect(applyMigrations(database.url, dir)).rejects.toThrow(/002_b failed and was rolled back/);
    await write('002_b', 'CREATE TABLE b (id int);');
    expect(await applyMigrations(database.url, dir)).toEqual(['002_b']);

    const result = await withMigrateEngine(database.url, await schemaFiles(), dir, async (engine) => ({
      status: await engine.status(),
      deploy: await engine.deploy(),
    }));

    expect(result.status).toEqual(UP_TO_DATE);
    expect(result.deploy).toEqual({ appliedMigrationNames: [] });
  });

  it('negative control: reports an edited, a failed and a missing migration', async () => {
    const database = await throwawayDatabase();
    await applyMigrations(database.url, MIGRATIONS);
    const last = (await migrationNames(MIGRATIONS)).at(-1);
    if (last === undefined) throw new Error('prisma/migrations has no migration');
    const tamper = (sql: string) =>
      withClient(database.url, (client) => client.query(sql, [last])).then(() => undefined);

    const result = await withMigrateEngine(database.url, await schemaFiles(), MIGRATIONS, async (engine) => {
      await tamper(`UPDATE "_prisma_migrations" SET checksum = repeat('0', 64) WHERE migration_name = $1`);
      const edited = await engine.status();
      // Unfinished and not rolled back: what a migration that crashed midway leaves.
      await tamper(`UPDATE "_prisma_migrations" SET finished_at = NULL WHERE migration_name = $1`);
      const failed = await engine.status();
      const deployOverFailed = await engine.deploy().then(
        () => 'applied',
        (error: unknown) => (error instanceof Error ? error.message : String(error)),
      );
      await tamper(`DELETE FROM "_prisma_migrations" WHERE migration_name = $1`);
      const missing = await engine.status();
      return { edited, failed, deployOverFailed, missing };
    });

    expect(result.edited).toEqual({ ...UP_TO_DATE, editedMigrationNames: [last] });
    expect(result.failed.failedMigrationNames).toEqual([last]);
    expect(result.deployOverFailed).toMatch(/found failed migrations/);
    expect(result.missing).toEqual({
      ...UP_TO_DATE,
      history: { diagnostic: 'databaseIsBehind', unappliedMigrationNames: [last] },
    });
  });
});
