// The driver adapter the schema engine reads the throwaway database through: @prisma/adapter-pg,
// corrected where it breaks the schema engine (it was written for the query engine), and unable to
// open a shadow database.
import { PrismaPg } from '@prisma/adapter-pg';
import {
  ColumnTypeEnum,
  DriverAdapterError,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlResultSet,
} from '@prisma/driver-adapter-utils';
import pg from 'pg';

// PostgreSQL's internal one-byte "char" type, found in catalog columns the engine reads
// (pg_constraint.contype, confdeltype, ...). adapter-pg rejects it (UnsupportedNativeDataType), so
// the pool relabels it as text for the adapter, and the result then declares it Character: the
// engine reads contype as a char, and with Text it panics on any CHECK constraint (and, on
// PostgreSQL 18, which lists NOT NULL constraints there too, on every table).
const CHAR_OID = 18;
const TEXT_OID = 25;

type Query = (config: pg.QueryConfig) => Promise<pg.QueryResult>;

export class IntrospectionAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = 'postgres';
  readonly adapterName = '@prisma/adapter-pg';
  /** Queries the engine ran. Zero after a diff would mean it never looked at the database. */
  queries = 0;
  private readonly pools: pg.Pool[] = [];

  constructor(private readonly url: string) {}

  async connect(): Promise<SqlDriverAdapter> {
    const adapter = await new PrismaPg({ connectionString: this.url }).connect();
    const pool = adapter.underlyingDriver();
    this.pools.push(pool);
    const rawQuery: Query = pool.query.bind(pool);
    const charColumns = new CharColumns();
    pool.query = charColumns.reportAsText(rawQuery) as unknown as typeof pool.query;
    adapter.executeScript = (script) => runAsOneQuery(rawQuery, script);
    const queryRaw = adapter.queryRaw.bind(adapter);
    adapter.queryRaw = async (query) => {
      this.queries += 1;
      return charColumns.restore(query.sql, await queryRaw(query));
    };
    // We end the pools ourselves (end()), whether or not the engine disposes the adapter.
    adapter.dispose = async () => {};
    return adapter;
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    // The engine's shadow-database path was seen replaying migrations into the connected database,
    // and a diff from a database to a datamodel needs none.
    throw new Error('The drift check does not let the schema engine use a shadow database.');
  }

  async end(): Promise<void> {
    await Promise.all(this.pools.splice(0).map((pool) => pool.end()));
  }
}

/** Which columns of a query's result were "char", by SQL text (the same SQL, the same columns). */
class CharColumns {
  private readonly bySql = new Map<string, number[]>();

  reportAsText(query: Query): Query {
    return async (config) => {
      const result = await query(config);
      const indexes = result.fields.flatMap((field, index) => (field.dataTypeID === CHAR_OID ? [index] : []));
      if (indexes.length === 0) return result;
      this.bySql.set(config.text, indexes);
      for (const index of indexes) {
        const field = result.fields[index];
        if (field) field.dataTypeID = TEXT_OID;
      }
      return result;
    };
  }

  restore(sql: string, result: SqlResultSet): SqlResultSet {
    for (const index of this.bySql.get(sql) ?? []) result.columnTypes[index] = ColumnTypeEnum.Character;
    return result;
  }
}

// adapter-pg splits scripts on every ';', even inside comments, DO blocks and function bodies. A
// multi-statement simple-protocol query runs the script as PostgreSQL would from a file.
async function runAsOneQuery(query: Query, script: string): Promise<void> {
  try {
    await query({ text: script });
  } catch (error) {
    if (!(error instanceof pg.DatabaseError)) throw error;
    throw new DriverAdapterError({
      kind: 'postgres',
      code: error.code ?? 'N/A',
      severity: error.severity ?? 'N/A',
      message: error.message,
      detail: error.detail,
      column: error.column,
      hint: error.hint,
    });
  }
}
