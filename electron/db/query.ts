import type Database from 'better-sqlite3';
import type { Compilable, CompiledQuery, RawBuilder } from 'kysely';
import type pg from 'pg';
import type { Db, PostgresDb, SqliteDb, TransactionKind } from './engine';
import { TransactionConflictError } from './errors';
import { allIn, prepare } from './exec';

/**
 * The services' executor on either engine (electron/db/engine.ts). Kysely builds and types the SQL; this
 * module runs it. On SQLite the cached prepared statement (exec.ts's `prepare`) runs synchronously and the
 * promise is already settled, so the async signature costs a microtask, not a round trip. On PostgreSQL the
 * query goes to the pool, or to the client of the transaction the handle is bound to.
 */

/** A Kysely query, or raw SQL written with Kysely's `sql` tag (compiled with the engine's placeholders). */
export type Query<R> = Compilable<R> | RawBuilder<R>;

export interface RunResult {
  /** Rows inserted, updated or deleted. */
  changes: number;
}

function compile<R>(db: Db, query: Query<R>): CompiledQuery<R> {
  return 'isRawBuilder' in query ? query.compile(db.kysely) : query.compile();
}

async function rowsOf<R>(db: PostgresDb, compiled: CompiledQuery<R>): Promise<pg.QueryResult> {
  return (db.client ?? db.pool).query(compiled.sql, compiled.parameters as unknown[]);
}

export async function all<R>(db: Db, query: Query<R>): Promise<R[]> {
  const compiled = compile(db, query);
  if (db.engine === 'sqlite') return prepare(db, compiled.sql).all(...(compiled.parameters as unknown[])) as R[];
  return (await rowsOf(db, compiled)).rows as R[];
}

export async function first<R>(db: Db, query: Query<R>): Promise<R | undefined> {
  const compiled = compile(db, query);
  if (db.engine === 'sqlite') return prepare(db, compiled.sql).get(...(compiled.parameters as unknown[])) as R | undefined;
  return (await rowsOf(db, compiled)).rows[0] as R | undefined;
}

export async function run(db: Db, query: Query<unknown>): Promise<RunResult> {
  const compiled = compile(db, query);
  if (db.engine === 'sqlite') return { changes: prepare(db, compiled.sql).run(...(compiled.parameters as unknown[])).changes };
  return { changes: (await rowsOf(db, compiled)).rowCount ?? 0 };
}

/**
 * Every row as a plain array of its columns in select order, for lists of tens of thousands of rows where
 * building an object per row is most of the cost (SQLite's `raw` statement mode, pg's `rowMode: 'array'`).
 */
export async function allArrays<R extends unknown[]>(db: Db, query: Compilable<unknown>): Promise<R[]> {
  if (db.engine === 'sqlite') return allIn<R>(db, query, 'raw');
  const compiled = query.compile();
  const result = await (db.client ?? db.pool).query({ text: compiled.sql, values: compiled.parameters as unknown[], rowMode: 'array' });
  return result.rows as R[];
}

/** The one selected column's values, without an object per row (SQLite's `pluck` mode). */
export async function allValues<V>(db: Db, query: Compilable<unknown>): Promise<V[]> {
  if (db.engine === 'sqlite') return allIn<V>(db, query, 'pluck');
  return (await allArrays<[V]>(db, query)).map((row) => row[0]);
}

export interface RetryOptions {
  /** How many times the work runs in all before a serialization failure is given up on. Default 5. */
  attempts?: number;
  /** The first back-off; each further one doubles, with ±50 % jitter. Default 10 ms. */
  baseDelayMs?: number;
}

/**
 * Runs `work` in one write transaction and commits it, or rolls every row back when it throws. The work
 * gets `tx`, the handle bound to the transaction: everything it reads and writes goes through `tx`, so
 * nothing lands outside. On PostgreSQL the work may run more than once (see below): only database work
 * belongs inside. Called with a handle that is already in a write transaction, the work joins it.
 */
export function transaction<D extends Db, T>(db: D, work: (tx: D) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  return inTransaction(db, 'write', work, options);
}

/**
 * Runs `work` on one snapshot of the database, for reads that must agree with each other (the figures of
 * an annual report). Read-only on PostgreSQL; on SQLite a deferred transaction, which holds only a read lock.
 * Called inside another transaction, the work runs in that one.
 */
export function readSnapshot<D extends Db, T>(db: D, work: (tx: D) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  return inTransaction(db, 'read', work, options);
}

/** The handle given to the work is the caller's, bound to the transaction: same engine, same type. */
function inTransaction<D extends Db, T>(db: D, kind: TransactionKind, work: (tx: D) => Promise<T>, options: RetryOptions): Promise<T> {
  if (db.inTransaction) {
    if (kind === 'write' && db.inTransaction === 'read') return Promise.reject(new Error('A write transaction cannot run inside a read snapshot.'));
    return work(db);
  }
  const bound = work as (tx: Db) => Promise<T>;
  return db.engine === 'sqlite' ? onSqlite(db, kind, bound) : onPostgres(db as PostgresDb, kind, bound, options);
}

/**
 * The transaction queue of each SQLite connection. A connection has one transaction at a time, and the
 * work awaits between its statements: without the queue a second caller's BEGIN would fail, or its
 * statements would run inside the first caller's transaction.
 */
const sqliteQueues = new WeakMap<Database.Database, Promise<unknown>>();

const BEGIN: Record<TransactionKind, string> = { write: 'BEGIN IMMEDIATE', read: 'BEGIN' };

function onSqlite<T>(db: SqliteDb, kind: TransactionKind, work: (tx: Db) => Promise<T>): Promise<T> {
  const previous = sqliteQueues.get(db.sqlite) ?? Promise.resolve();
  const result = previous.then(async () => {
    // IMMEDIATE takes the write lock up front (as better-sqlite3's `.immediate()` does for exec.ts), so a
    // write never fails halfway for want of the lock another PC holds on a shared file.
    prepare(db, BEGIN[kind]).run();
    try {
      const value = await work({ ...db, inTransaction: kind });
      prepare(db, 'COMMIT').run();
      return value;
    } catch (error) {
      // SQLite may already have rolled back by itself (a full disk, an interrupted statement).
      if (db.sqlite.inTransaction) prepare(db, 'ROLLBACK').run();
      throw error;
    }
  });
  sqliteQueues.set(
    db.sqlite,
    result.then(
      () => undefined,
      () => undefined,
    ),
  );
  return result;
}

const POSTGRES_BEGIN: Record<TransactionKind, string> = {
  // Serializable: a write sees the database as if it ran alone, and the server aborts one of two writes
  // that would otherwise interleave (40001) rather than let both through.
  write: 'BEGIN ISOLATION LEVEL SERIALIZABLE',
  read: 'BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY',
};

/** serialization_failure and deadlock_detected: the transaction did nothing wrong and may simply run again. */
const RETRYABLE = new Set(['40001', '40P01']);

function isRetryable(error: unknown): boolean {
  return typeof error === 'object' && error !== null && RETRYABLE.has((error as { code?: unknown }).code as string);
}

async function onPostgres<T>(db: PostgresDb, kind: TransactionKind, work: (tx: Db) => Promise<T>, options: RetryOptions): Promise<T> {
  const attempts = options.attempts ?? 5;
  const baseDelayMs = options.baseDelayMs ?? 10;
  for (let attempt = 1; ; attempt++) {
    const client = await db.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query(POSTGRES_BEGIN[kind]);
      const value = await work({ ...db, client, inTransaction: kind });
      await client.query('COMMIT');
      return value;
    } catch (error) {
      try {
        await client.query('ROLLBACK');
      } catch (rollbackError) {
        // The connection itself failed: the pool must not hand it out again.
        broken = rollbackError as Error;
      }
      if (!isRetryable(error)) throw error;
      if (attempt >= attempts) throw new TransactionConflictError(attempts, { cause: error });
    } finally {
      client.release(broken);
    }
    // Jittered, so two transactions that collided do not collide again on the same beat.
    await new Promise((resolve) => setTimeout(resolve, baseDelayMs * 2 ** (attempt - 1) * (0.5 + Math.random())));
  }
}
