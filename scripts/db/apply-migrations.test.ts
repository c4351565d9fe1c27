// The migration runner: applies in order, once; a failing migration leaves nothing behind and can be
// fixed and re-run; an applied migration that was edited is refused.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { applyMigrations } from './apply-migrations';
import { databaseUrl } from './database-server';
import { dropDatabase } from './fresh-database';

const DB = `migrations_${process.pid}`;
let dir: string;
let url: string;

async function writeMigration(name: string, sql: string): Promise<void> {
  await mkdir(path.join(dir, name), { recursive: true });
  await writeFile(path.join(dir, name, 'migration.sql'), sql);
}

async function query<T extends pg.QueryResultRow>(sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  const server = inject('serverUrl');
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DB}`);
  await admin.query(`CREATE DATABASE ${DB}`);
  await admin.end();
  url = databaseUrl(server, DB);
  dir = await mkdtemp(path.join(os.tmpdir(), 'migrations-'));
});

afterAll(async () => {
  await dropDatabase(inject('serverUrl'), DB);
  await rm(dir, { recursive: true, force: true });
});

describe('applyMigrations', () => {
  it('applies pending migrations in order, once', async () => {
    await writeMigration('001_a', 'CREATE TABLE a (id int);');
    await writeMigration('002_b', 'CREATE TABLE b (id int);');
    expect(await applyMigrations(url, dir)).toEqual(['001_a', '002_b']);
    expect(await applyMigrations(url, dir)).toEqual([]);
    const rows = await query<{ migration_name: string; applied_steps_count: number }>(
      'SELECT migration_name, applied_steps_count FROM _prisma_migrations ORDER BY started_at',
    );
    expect(rows).toEqual([
      { migration_name: '001_a', applied_steps_count: 1 },
      { migration_name: '002_b', applied_steps_count: 1 },
    ]);
  });

  it('a failing migration changes nothing, is recorded as rolled back, and applies once fixed', async () => {
    await writeMigration('003_bad', 'CREATE TABLE c (id int); SELECT * FROM no_such_table;');
    await expect(applyMigrations(url, dir)).rejects.toThrow(/003_bad failed and was rolled back: .*no_such_table/);
    expect(await query("SELECT to_regclass('c') AS t")).toEqual([{ t: null }]);
    const [record] = await query<{ rolled_back: boolean }>(
      "SELECT rolled_back_at IS NOT NULL AS rolled_back FROM _prisma_migrations WHERE migration_name = '003_bad'",
    );
    expect(record?.rolled_back).toBe(true);

    await writeMigration('003_bad', 'CREATE TABLE c (id int);');
    expect(await applyMigrations(url, dir)).toEqual(['003_bad']);
  });

  it('refuses to run when an applied migration was edited', async () => {
    await writeMigration('001_a', 'CREATE TABLE a (id int, edited boolean);');
    await expect(applyMigrations(url, dir)).rejects.toThrow(/001_a was edited after it was applied/);
  });
});
