import { sql, type Expression, type RawBuilder } from 'kysely';

/**
 * PostgreSQL's counterparts of SQLite's nb_key() and nb_fold() (electron/db/norwegianText.ts). SQLite needs
 * functions registered on each connection; PostgreSQL has ICU collations. `ettervern_nb` (migration 0001) is
 * ICU's Norwegian Bokmål (`nb-NO`, the rules behind the predefined «nb-NO-x-icu»: … x y z æ ø å, «aa» as å)
 * with numeric digit runs added, so that both engines sort names the same way.
 */
export const NORWEGIAN_COLLATION = 'ettervern_nb';

/** An expression to ORDER BY for Norwegian alphabetical order (SQLite: `nb_key(expr)`). */
export function norwegianOrder(expression: Expression<string | null>): RawBuilder<string | null> {
  return sql<string | null>`${expression} collate ${sql.id(NORWEGIAN_COLLATION)}`;
}

/** Lower case with Norwegian rules after NFC, for case-insensitive search (SQLite: `nb_fold(expr)`). */
export function norwegianFold(expression: Expression<string | null>): RawBuilder<string | null> {
  return sql<string | null>`lower(normalize(${expression}, NFC) collate ${sql.id(NORWEGIAN_COLLATION)})`;
}
