// The drift check must pass on the real schema and migrations, and fail when either side changes
// alone. The changed copies live under the OS temp dir, never in the repo.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDrift } from './check-drift';

const SERVER_URL = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const ROOT = path.resolve(import.meta.dirname, '../..');
const SCHEMA = path.join(ROOT, 'prisma/schema.prisma');
const MIGRATIONS = path.join(ROOT, 'prisma/migrations');
const TIMEOUT = 60_000;

async function withTempDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'drift-test-'));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** `text` with `search` replaced, failing loudly if the source no longer contains it. */
function edit(text: string, search: string, replacement: string): string {
  expect(text).toContain(search);
  return text.replace(search, replacement);
}

describe('checkDrift', () => {
  it('finds no drift between prisma/schema.prisma and prisma/migrations', { timeout: TIMEOUT }, async () => {
    const report = await checkDrift(SERVER_URL);
    expect(report).toEqual({ drift: false, summary: 'no drift' });
  });

  it('reports a column the schema has and the migrations do not', { timeout: TIMEOUT }, async () => {
    await withTempDir(async (dir) => {
      const schema = edit(
        await readFile(SCHEMA, 'utf8'),
        'model Tenant {\n',
        'model Tenant {\n  driftProbe Int? @map("drift_probe")\n',
      );
      const schemaPath = path.join(dir, 'schema.prisma');
      await writeFile(schemaPath, schema);

      const report = await checkDrift(SERVER_URL, { schemaPath });
      expect(report.drift).toBe(true);
      expect(report.summary).toContain('drift_probe');
    });
  });

  it('reports an index the migrations lost', { timeout: TIMEOUT }, async () => {
    await withTempDir(async (dir) => {
      const migrationsDir = path.join(dir, 'migrations');
      await cp(MIGRATIONS, migrationsDir, { recursive: true });
      const file = path.join(migrationsDir, '20261122000000_init/migration.sql');
      await writeFile(
        file,
        edit(await readFile(file, 'utf8'), 'CREATE INDEX "sessions_user_id_idx" ON "sessions"("user_id");', ''),
      );

      const report = await checkDrift(SERVER_URL, { migrationsDir });
      expect(report.drift).toBe(true);
      expect(report.summary).toContain('sessions_user_id_idx');
    });
  });
});
