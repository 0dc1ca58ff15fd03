import type { Kysely } from 'kysely';
import type pg from 'pg';
import type { AppDatabase } from './open';
import type { PostgresConnection } from './postgres/connect';
import type { DB } from './schema';

/**
 * What a service is given to read and write with, whichever engine holds the data: the SQLite file
 * (`AppDatabase`, the default) or a PostgreSQL server. Services build their SQL with `kysely` and run it
 * through electron/db/query.ts; only query.ts and dialect.ts look at `engine`.
 */
export type Db = SqliteDb | PostgresDb;

/** Which kind of transaction a handle is bound to: a read snapshot or a write. */
export type TransactionKind = 'read' | 'write';

/** A SQLite database, or the same connection while one of query.ts's transactions is open on it. */
export type SqliteDb = AppDatabase & { readonly inTransaction?: TransactionKind };

export interface PostgresDb {
  readonly engine: 'postgres';
  /** Builds the SQL; its own executor is not used by the services (query.ts runs the compiled SQL). */
  readonly kysely: Kysely<DB>;
  readonly pool: pg.Pool;
  /** The pool client a transaction holds; every query through this handle runs on it. */
  readonly client?: pg.PoolClient;
  readonly inTransaction?: TransactionKind;
}

/** The engine-neutral handle of an open PostgreSQL connection pool. */
export function postgresDb(connection: Pick<PostgresConnection, 'kysely' | 'pool'>): PostgresDb {
  return { engine: 'postgres', kysely: connection.kysely, pool: connection.pool };
}
