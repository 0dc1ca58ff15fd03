import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { Db } from './engine';
import { norwegianFold, norwegianOrder } from './postgres/norwegianText';

/**
 * The SQL the two engines spell differently, behind one name each, so that no service needs to know which
 * engine runs (the README's plan, step 3). SQLite's versions call the functions registered on every
 * connection (electron/db/norwegianText.ts); PostgreSQL's use the ICU collation of its migration 0001.
 */

/** An expression to ORDER BY for Norwegian alphabetical order: æ, ø, å after z, «aa» as å, digit runs as numbers. */
export function nbOrder(db: Pick<Db, 'engine'>, expression: Expression<string | null>): RawBuilder<string | null> {
  return db.engine === 'sqlite' ? sql<string | null>`nb_key(${expression})` : norwegianOrder(expression);
}

/** Lower case with Norwegian rules after NFC, for case-insensitive search. */
export function nbFold(db: Pick<Db, 'engine'>, expression: Expression<string | null>): RawBuilder<string | null> {
  return db.engine === 'sqlite' ? sql<string | null>`nb_fold(${expression})` : norwegianFold(expression);
}

/**
 * True where `needle` occurs in `haystack` (case-sensitive, no wildcards): SQLite's `instr`, PostgreSQL's
 * `strpos`. A LIKE pattern would treat a typed `%` or `_` as a wildcard. Fold both first for a search.
 */
export function containsText(db: Pick<Db, 'engine'>, haystack: Expression<string | null>, needle: Expression<string | null> | string): RawBuilder<SqlBool> {
  return db.engine === 'sqlite' ? sql<SqlBool>`instr(${haystack}, ${needle}) > 0` : sql<SqlBool>`strpos(${haystack}, ${needle}) > 0`;
}

/**
 * `expression in (ids)` with the whole list as one parameter, so one prepared statement serves a list of
 * any length and no parameter limit applies: SQLite reads it with json_each, PostgreSQL as an int8 array.
 */
export function inIds(db: Pick<Db, 'engine'>, expression: Expression<number | null>, ids: readonly number[]): RawBuilder<SqlBool> {
  return db.engine === 'sqlite'
    ? sql<SqlBool>`${expression} in (select value from json_each(${JSON.stringify(ids)}))`
    : sql<SqlBool>`${expression} = any(${[...ids]}::int8[])`;
}
