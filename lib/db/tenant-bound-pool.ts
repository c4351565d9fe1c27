// A view of the shared app pool that binds each connection it hands out to the tenant of the
// current context (or to none).
//
// Every checkout sets app.tenant_id before the connection is used, so whatever ran on it before
// (another tenant, a raw set_config) cannot carry over. Prisma's pg adapter takes a pg.Pool; this
// class is one, but opens no connections of its own: it borrows the shared pool's. pg.Pool#query
// checks out through connect(), so the binding covers queries, transactions and raw SQL alike.
import pg from 'pg';
import { currentTenantSetting } from './tenant-context';

const BIND_TENANT = "SELECT set_config('app.tenant_id', $1, false)";

type ConnectCallback = (
  error: Error | undefined,
  client: pg.PoolClient | undefined,
  done: (release?: unknown) => void,
) => void;

export class TenantBoundPool extends pg.Pool {
  readonly #shared: pg.Pool;

  constructor(shared: pg.Pool) {
    super(shared.options);
    this.#shared = shared;
  }

  override connect(): Promise<pg.PoolClient>;
  override connect(callback: ConnectCallback): void;
  override connect(callback?: ConnectCallback): Promise<pg.PoolClient> | undefined {
    const bound = this.#checkoutBound(currentTenantSetting());
    if (!callback) return bound;
    bound.then(
      (client) => callback(undefined, client, (release) => client.release(release as Error | undefined)),
      (error: Error) => callback(error, undefined, () => {}),
    );
    return undefined;
  }

  async #checkoutBound(tenantSetting: string): Promise<pg.PoolClient> {
    const client = await this.#shared.connect();
    try {
      await client.query(BIND_TENANT, [tenantSetting]);
    } catch (error) {
      // Never hand out a connection whose binding is unknown: destroy it.
      client.release(error instanceof Error ? error : true);
      throw error;
    }
    return client;
  }

  override async end(): Promise<void> {
    // The shared pool belongs to lib/db/app-pool.ts; Prisma disconnecting must not close it.
  }
}
