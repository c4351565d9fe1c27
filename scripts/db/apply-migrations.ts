// Applies prisma/migrations/*/migration.sql in order, keeping _prisma_migrations exactly as Prisma's
// `migrate deploy` does (same table, sha256 checksums, advisory lock 72707369), so a later
// `prisma migrate deploy` on a machine with Prisma's engine sees nothing pending. We apply them
// ourselves because Prisma's schema engine cannot be downloaded everywhere (docs/decisions/003).
import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';
import { withClient } from './with-client';

const PRISMA_MIGRATE_LOCK = 72707369;

const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export type Migration = { name: string; sql: string; checksum: string };

export async function readMigrations(dir: string): Promise<Migration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    }),
  );
}

type AppliedRow = { migration_name: string; checksum: string };

/** Returns the names of the migrations it applied. Throws, naming the migration, on any failure. */
export async function applyMigrations(ownerUrl: string, dir: string): Promise<string[]> {
  const migrations = await readMigrations(dir);
  return withClient(ownerUrl, async (client) => {
    await client.query('SELECT pg_advisory_lock($1)', [PRISMA_MIGRATE_LOCK]);
    try {
      await client.query(CREATE_MIGRATIONS_TABLE);
      const { rows } = await client.query<AppliedRow>(
        'SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
      );
      const applied = new Map(rows.map((row) => [row.migration_name, row.checksum]));
      assertNoUnknownMigrations(applied, migrations);

      const appliedNow: string[] = [];
      for (const migration of migrations) {
        const checksum = applied.get(migration.name);
        if (checksum !== undefined) {
          if (checksum !== migration.checksum) {
            throw new Error(
              `Migration ${migration.name} was edited after it was applied (checksum differs). ` +
                'Never edit an applied migration: add a new one.',
            );
          }
          continue;
        }
        await applyOne(client, migration);
        appliedNow.push(migration.name);
      }
      await revokeRuntimeAccessToHistory(client);
      return appliedNow;
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [PRISMA_MIGRATE_LOCK]).catch(() => {});
    }
  });
}

// The runtime roles may read and write data, never the migration history.
async function revokeRuntimeAccessToHistory(client: pg.Client): Promise<void> {
  await client.query('REVOKE ALL ON "_prisma_migrations" FROM PUBLIC');
  await client.query(`DO $$ BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'app_user') THEN REVOKE ALL ON "_prisma_migrations" FROM app_user; END IF;
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'platform_admin') THEN REVOKE ALL ON "_prisma_migrations" FROM platform_admin; END IF;
  END $$`);
}

function assertNoUnknownMigrations(applied: Map<string, string>, migrations: Migration[]): void {
  const known = new Set(migrations.map((m) => m.name));
  const unknown = [...applied.keys()].filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new Error(`The database has migrations this checkout does not: ${unknown.join(', ')}`);
  }
}

async function applyOne(client: pg.Client, migration: Migration): Promise<void> {
  const id = randomUUID();
  await client.query(
    'INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)',
    [id, migration.checksum, migration.name],
  );
  try {
    // One simple-protocol query: PostgreSQL runs a multi-statement script as a single implicit
    // transaction, so a failing migration leaves nothing behind. (Splitting on ';' would break
    // DO blocks and function bodies.)
    await client.query(migration.sql);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Rolled back as a whole: record it as Prisma's `migrate resolve --rolled-back` would, so the
    // corrected migration can be applied by the next run.
    await client.query('UPDATE "_prisma_migrations" SET logs = $2, rolled_back_at = now() WHERE id = $1', [
      id,
      message,
    ]);
    throw new Error(`Migration ${migration.name} failed and was rolled back: ${message}`);
  }
  await client.query('UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1', [
    id,
  ]);
}
