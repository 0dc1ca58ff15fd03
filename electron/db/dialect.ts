import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { Db } from './engine';
import { norwegianFold, norwegianOrder } from './postgres/norwegianText';
import { SERVER_WIDE_KEYS, SHARED_TABLES, TEAM_COLUMN } from './postgres/teamSchema';

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

/**
 * Key columns that already tie a row to one team, by migration 0019's rule: the row id the server assigns
 * (an identity; database_sharing's `id` is a fixed 1 and does not count), and references to another team
 * table's row. tests/postgres/conflictKey.test.ts checks every key of a migrated server against this.
 */
const TEAM_ROW_COLUMNS = new Set(['id', 'case_id', 'contact_id', 'domain_id', 'event_id', 'response_id', 'team_member_id', 'time_entry_id']);
const NOT_IDENTITY_ID = new Set(['database_sharing']);

/**
 * An upsert's conflict target (`on conflict (…)`) for the key that is `columns` on the SQLite file. On
 * PostgreSQL several teams share a table, and migration 0019 put `team_id` in front of every key of a team
 * table unless the key holds a row id or a reference to another team's row, or is server-wide
 * (SERVER_WIDE_KEYS); the target must name that key exactly, or the server refuses the statement.
 */
export function conflictKey<C extends string>(db: Pick<Db, 'engine'>, table: string, columns: readonly C[]): C[] {
  if (db.engine === 'sqlite' || table in SHARED_TABLES || `${table}_${columns.join('_')}_key` in SERVER_WIDE_KEYS) return [...columns];
  const tiedToTeam = columns.some((column) => TEAM_ROW_COLUMNS.has(column) && !(column === 'id' && NOT_IDENTITY_ID.has(table)));
  return tiedToTeam ? [...columns] : [TEAM_COLUMN as C, ...columns];
}
