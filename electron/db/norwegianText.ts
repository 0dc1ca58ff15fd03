import type Database from 'better-sqlite3';

/**
 * SQLite's NOCASE folds ASCII only and its default collation sorts by bytes, which puts «Å» before «Æ»
 * and lower-case «ø» after everything. These functions give SQL the Norwegian rules:
 * - `nb_key(text)`: a sort key in Norwegian alphabetical order (… x y z æ ø å), case-insensitive.
 * - `nb_fold(text)`: lower-cased with Norwegian rules, for case-insensitive search («sørf» finds «Sørfold»).
 * They are registered on every connection and used in queries only, never in the schema, so the file
 * still opens in other SQLite tools.
 */
export function registerNorwegianText(sqlite: Database.Database): void {
  sqlite.function('nb_fold', { deterministic: true }, (value: unknown) =>
    typeof value === 'string' ? value.toLocaleLowerCase('nb') : value,
  );
  // better-sqlite3 has no collation API; a comparison function lets ORDER BY use the Norwegian order.
  sqlite.function('nb_key', { deterministic: true }, (value: unknown) => (typeof value === 'string' ? sortKey(value) : value));
}

/**
 * A byte-sortable key that reproduces Intl.Collator('nb') for the letters used in Norwegian text:
 * letters are folded to lower case, accents dropped, and æ, ø, å (with ä and ö sorted as æ and ø)
 * are mapped past z.
 */
export function sortKey(value: string): string {
  let key = '';
  for (const char of value.toLocaleLowerCase('nb').normalize('NFC')) {
    switch (char) {
      case 'æ':
      case 'ä':
        key += '{0';
        break;
      case 'ø':
      case 'ö':
        key += '{1';
        break;
      case 'å':
        key += '{2';
        break;
      default:
        key += char.normalize('NFD').replace(/\p{M}/gu, '');
    }
  }
  return key;
}
