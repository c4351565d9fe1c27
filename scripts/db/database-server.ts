// Where dev, tests and benchmarks get a PostgreSQL server: the one DATABASE_URL names, or else an
// embedded one whose data lives under .data/ in the project.
import path from 'node:path';
import { type EmbeddedServer, startEmbeddedPostgres } from './embedded-postgres';

const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');

export type ServerPurpose = 'dev' | 'test' | 'bench';

const EMBEDDED = {
  dev: { dir: '.data/dev-pg', port: 54329 },
  test: { dir: '.data/test-pg', port: 54330 },
  bench: { dir: '.data/bench-pg', port: 54331 },
} as const;

/** An owner/superuser URL for the server, and how to stop it (a no-op for an external server). */
export async function databaseServer(purpose: ServerPurpose): Promise<EmbeddedServer & { embedded: boolean }> {
  const external = process.env.DATABASE_URL;
  if (external) return { url: external, stop: async () => {}, embedded: false };
  const { dir, port } = EMBEDDED[purpose];
  const server = await startEmbeddedPostgres(path.join(PROJECT_ROOT, dir), port);
  return { ...server, embedded: true };
}

/** The same server, another database. */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
