import type Database from 'better-sqlite3';
import type { Compilable, CompiledQuery, RawBuilder } from 'kysely';
import type { AppDatabase } from './open';

/**
 * Kysely builds and types the SQL; better-sqlite3 runs it synchronously. Synchronous execution is what
 * lets every multi-row write be one `sqlite.transaction(...)` with no awaits inside it, so nothing else
 * can interleave and no file or network work can sneak into a transaction.
 */
const statementCache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** The prepared statement for `sql` on this connection, prepared once and reused. */
export function prepare(db: AppDatabase, sql: string): Database.Statement {
  let cache = statementCache.get(db.sqlite);
  if (!cache) {
    cache = new Map();
    statementCache.set(db.sqlite, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = db.sqlite.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}

/** A Kysely query, or raw SQL written with Kysely's `sql` tag. */
type Query<R> = Compilable<R> | RawBuilder<R>;

function compile<R>(db: AppDatabase, query: Query<R>): CompiledQuery<R> {
  return 'isRawBuilder' in query ? query.compile(db.kysely) : query.compile();
}

export function all<R>(db: AppDatabase, query: Query<R>): R[] {
  const compiled = compile(db, query);
  return prepare(db, compiled.sql).all(...(compiled.parameters as unknown[])) as R[];
}

export function first<R>(db: AppDatabase, query: Query<R>): R | undefined {
  const compiled = compile(db, query);
  return prepare(db, compiled.sql).get(...(compiled.parameters as unknown[])) as R | undefined;
}

export function run(db: AppDatabase, query: Query<unknown>): Database.RunResult {
  const compiled = compile(db, query);
  return prepare(db, compiled.sql).run(...(compiled.parameters as unknown[]));
}

/**
 * Runs `query` with its cached statement switched to arrays (`raw`: one array per row, in select order) or to
 * its one column's values (`pluck`), and switched back after, so other users of the same statement still get
 * objects. For lists of tens of thousands of rows, where building an object per row is most of the cost.
 */
export function allIn<R>(db: AppDatabase, query: Compilable<unknown>, mode: 'raw' | 'pluck'): R[] {
  const compiled = query.compile();
  const statement = prepare(db, compiled.sql);
  try {
    return statement[mode](true).all(...(compiled.parameters as unknown[])) as R[];
  } finally {
    statement[mode](false);
  }
}

/** Runs `work` in one write transaction; any throw rolls every row back. */
export function transaction<T>(db: AppDatabase, work: () => T): T {
  return db.sqlite.transaction(work).immediate();
}
