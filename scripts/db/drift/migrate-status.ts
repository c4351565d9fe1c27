// What `prisma migrate status` and `prisma migrate deploy` would say about a database, asked of
// Prisma's own schema engine (Wasm) with the same requests the CLI sends. Lets a test prove that
// our runner's _prisma_migrations bookkeeping is the one the engine expects.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type {
  ApplyMigrationsOutput,
  DiagnoseMigrationHistoryOutput,
  MigrationDirectory,
  MigrationList,
  SchemaFilter,
} from '@prisma/schema-engine-wasm/schema_engine_bg';
import { type SchemaContainer, withSchemaEngine } from './schema-engine';

export type { ApplyMigrationsOutput, DiagnoseMigrationHistoryOutput, MigrationList };

// prisma.config.ts names no external tables or enums; the CLI then sends these.
const NO_FILTER: SchemaFilter = { externalTables: [], externalEnums: [] };

/**
 * The migrations directory as the CLI loads it for the engine (prisma/build/cli.js, function `Bl`):
 * every subfolder's migration.sql, read as UTF-8, a missing file as an error result, sorted with
 * localeCompare, and the lockfile's content or null.
 */
export async function readMigrationsList(baseDir: string): Promise<MigrationList> {
  const lockfilePath = 'migration_lock.toml';
  const lockfile = await readFile(path.join(baseDir, lockfilePath), 'utf8').catch(() => null);
  const entries = await readdir(baseDir, { withFileTypes: true });
  const migrationDirectories = await Promise.all(
    entries
      .filter((entry) => entry.isDirectory())
      .map(async (entry): Promise<MigrationDirectory> => {
        const content = await readFile(path.join(baseDir, entry.name, 'migration.sql'), 'utf8').then(
          (sql) => ({ tag: 'ok' as const, value: sql }),
          (error: unknown) => ({
            tag: 'error' as const,
            value: error instanceof Error ? error.message : String(error),
          }),
        );
        return { path: entry.name, migrationFile: { path: 'migration.sql', content } };
      }),
  );
  migrationDirectories.sort((a, b) => a.path.localeCompare(b.path));
  return {
    baseDir,
    lockfile: { path: lockfilePath, content: lockfile },
    migrationDirectories,
    shadowDbInitScript: '',
  };
}

export type MigrateEngine = {
  /** `prisma migrate status`: diagnoseMigrationHistory without a shadow database. */
  status(): Promise<DiagnoseMigrationHistoryOutput>;
  /**
   * `prisma migrate deploy`: applies whatever the engine considers pending, and names it. Waits,
   * with no timeout in the Wasm build, for advisory lock 72707369.
   */
  deploy(): Promise<ApplyMigrationsOutput>;
  /** Queries the engine has run so far; zero would mean it never looked at the database. */
  queries(): number;
};

/**
 * Runs `work` with a schema engine connected to `url` only: the adapter refuses to open a shadow
 * database, because the engine's shadow path was seen replaying migrations into the connected one.
 * Point it at a throwaway database: `deploy` really applies what it finds pending.
 */
export async function withMigrateEngine<T>(
  url: string,
  schemaFiles: SchemaContainer[],
  migrationsDir: string,
  work: (engine: MigrateEngine) => Promise<T>,
): Promise<T> {
  return withSchemaEngine(url, schemaFiles, (engine, queriesRun) =>
    work({
      // Read afresh for each request, as each CLI command does.
      status: async () =>
        engine.diagnoseMigrationHistory({
          migrationsList: await readMigrationsList(migrationsDir),
          optInToShadowDatabase: false,
          filters: NO_FILTER,
        }),
      deploy: async () =>
        engine.applyMigrations({ migrationsList: await readMigrationsList(migrationsDir), filters: NO_FILTER }),
      queries: queriesRun,
    }),
  );
}
