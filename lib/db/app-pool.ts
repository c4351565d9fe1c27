// The one pool of app_user connections, shared by every tenant's client. Fails fast when exhausted
// (pg's default timeout of 0 waits forever) and never lets an idle connection's error crash the app.
import pg from 'pg';
import { env } from '../env';
import { appDatabaseUrl } from './role-urls';

let pool: pg.Pool | undefined;

export function createPool(connectionString: string, max: number, connectionTimeoutMillis = 5_000): pg.Pool {
  const created = new pg.Pool({
    connectionString,
    max,
    connectionTimeoutMillis,
    idleTimeoutMillis: 30_000,
  });
  created.on('error', (error) => {
    // An idle connection died (server restart, network): pg drops it; the next checkout opens a new one.
    console.error('[db] idle connection error:', error.message);
  });
  return created;
}

export function appPool(): pg.Pool {
  pool ??= createPool(appDatabaseUrl(env()), env().DB_POOL_MAX);
  return pool;
}
