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
    const tenantSetting = currentTenantSetting();
    if (callback) {
      this.#checkoutBound(tenantSetting, callback);
      return undefined;
    }
    return new Promise((resolve, reject) => {
      this.#checkoutBound(tenantSetting, (error, client) => (client ? resolve(client) : reject(error)));
    });
  }

  // Callbacks rather than promises: this runs once per query and sits on the hot path.
  #checkoutBound(tenantSetting: string, callback: ConnectCallback): void {
    this.#shared.connect((connectError, client, release) => {
      if (connectError || !client) {
        callback(connectError ?? new Error('pool returned no client'), undefined, () => {});
        return;
      }
      client.query({ name: 'bind_tenant', text: BIND_TENANT, values: [tenantSetting] }, (bindError: Error | null) => {
        if (bindError) {
          // Never hand out a connection whose binding is unknown: destroy it.
          release(bindError);
          callback(bindError, undefined, () => {});
          return;
        }
        callback(undefined, client, (releaseError) => release(releaseError));
      });
    });
  }

  override async end(): Promise<void> {
    // The shared pool belongs to lib/db/app-pool.ts; Prisma disconnecting must not close it.
  }
}
