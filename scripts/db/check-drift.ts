// Do prisma/schema.prisma and the database that prisma/migrations produce agree? The migrations are
// hand-written SQL (they carry the RLS policies Prisma cannot express), so nothing else keeps them in
// step with the schema the client is generated from. CI runs this; a drift exits 1.
//
// The migrations are applied with our own runner to a throwaway database on the server of the given
// URL; Prisma's schema engine (Wasm) then introspects it and diffs it against the schema. Policies,
// functions and roles are outside Prisma's model, so they never count as drift.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { applyMigrations } from './apply-migrations';
import { type DiffParams, type DiffResult, type SchemaContainer, withSchemaEngine } from './drift/schema-engine';
import { createThrowawayDatabase } from './drift/throwaway-database';

const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');
// The paths prisma.config.ts names. Not imported from it: loading prisma/config takes most of a second.
const SCHEMA_PATH = path.join(PROJECT_ROOT, 'prisma/schema.prisma');
const MIGRATIONS_DIR = path.join(PROJECT_ROOT, 'prisma/migrations');

export type DriftOptions = { schemaPath?: string; migrationsDir?: string };
export type DriftReport = { drift: boolean; summary: string };

/**
 * `serverOwnerUrl` only has to reach the server with the right to CREATE DATABASE: the check runs in
 * a database of its own (drift_<random>), dropped afterwards. The roles the migrations create are
 * cluster-wide and created idempotently, so they are left as they are.
 */
export async function checkDrift(serverOwnerUrl: string, options: DriftOptions = {}): Promise<DriftReport> {
  const schemaPath = path.resolve(options.schemaPath ?? SCHEMA_PATH);
  const migrationsDir = path.resolve(options.migrationsDir ?? MIGRATIONS_DIR);
  const files = await readSchemaFiles(schemaPath);
  const database = await createThrowawayDatabase(serverOwnerUrl, 'drift');
  try {
    await applyMigrations(database.url, migrationsDir);
    const { summary, script } = await diffDatabaseToSchema(database.url, files);
    const statements = sqlStatements(script.stdout ?? '');
    // Both answers must say "nothing to do"; exitCode alone is not trusted.
    const drift = summary.exitCode !== 0 || script.exitCode !== 0 || statements.length > 0;
    if (!drift) return { drift, summary: 'no drift' };
    return {
      drift,
      summary: [
        `Drift: ${display(schemaPath)} and the database built from ${display(migrationsDir)} differ.`,
        '',
        'From the migrated database to the schema:',
        (summary.stdout ?? '').trim(),
        '',
        'SQL that would bring the migrated database to the schema (a starting point for a new',
        'migration, or undo the schema change instead):',
        statements.length > 0 ? (script.stdout ?? '').trim() : '(none)',
      ].join('\n'),
    };
  } finally {
    await database.drop();
  }
}

async function diffDatabaseToSchema(
  url: string,
  files: SchemaContainer[],
): Promise<{ summary: DiffResult; script: DiffResult }> {
  // schemaDatasource: the database the schema's datasource points at, which with a driver adapter
  // is whatever the adapter connects to.
  const diff = (script: boolean): DiffParams => ({
    from: { tag: 'schemaDatasource', files, configDir: PROJECT_ROOT },
    to: { tag: 'schemaDatamodel', files },
    script,
    exitCode: true,
    filters: { externalTables: [], externalEnums: [] },
  });
  return withSchemaEngine(url, files, async (engine, queriesRun) => {
    const summary = await engine.diff(diff(false));
    const script = await engine.diff(diff(true));
    if (queriesRun() === 0) {
      throw new Error('The schema engine never queried the migrated database; it cannot vouch for it.');
    }
    return { summary, script };
  });
}

async function readSchemaFiles(schemaPath: string): Promise<SchemaContainer[]> {
  const paths = (await stat(schemaPath)).isDirectory()
    ? (await readdir(schemaPath, { recursive: true }))
        .filter((name) => name.endsWith('.prisma'))
        .sort()
        .map((name) => path.join(schemaPath, name))
    : [schemaPath];
  return Promise.all(paths.map(async (file) => ({ path: file, content: await readFile(file, 'utf8') })));
}

/** The script without its comments: empty when the engine has nothing to change. */
function sqlStatements(script: string): string[] {
  return script
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('--'));
}

/** Relative to the working directory when inside it (the usual case), else absolute. */
function display(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') ? relative : file;
}

async function main(): Promise<number> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error(
      '[drift] DATABASE_URL is required: an owner or superuser URL of a PostgreSQL server where the ' +
        'check may create (and then drop) a throwaway database.',
    );
    return 2;
  }
  const started = performance.now();
  const { drift, summary } = await checkDrift(url);
  console.log(summary);
  console.error(`[drift] checked in ${((performance.now() - started) / 1000).toFixed(1)}s`);
  return drift ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(`[drift] could not check: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 2;
    },
  );
}
