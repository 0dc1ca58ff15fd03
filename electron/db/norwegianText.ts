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
  // NFC first: «å» typed or imported as «a» + combining ring must still match the stored «å».
  sqlite.function('nb_fold', { deterministic: true }, (value: unknown) => (typeof value === 'string' ? value.normalize('NFC').toLocaleLowerCase('nb') : value));
  // better-sqlite3 has no collation API; a comparison function lets ORDER BY use the Norwegian order.
  sqlite.function('nb_key', { deterministic: true }, (value: unknown) => (typeof value === 'string' ? sortKey(value) : value));
}

const NUMBER_WIDTH = 12;

/**
 * A byte-sortable key that reproduces Intl.Collator('nb', { numeric: true }) (shared/format.ts) for the
 * letters used in Norwegian text: letters are folded to lower case, accents dropped, and æ, ø, å (with
 * ä and ö sorted as æ and ø, and «aa» as å, as in «Aasen» and «Haakon») are mapped past z. Digit runs
 * are zero-padded so that «Team 9» sorts before «Team 10», as the collator does.
 */
export function sortKey(value: string): string {
  let key = '';
  const text = value
    .toLocaleLowerCase('nb')
    .normalize('NFC')
    .replace(/\d+/g, (digits) => digits.padStart(NUMBER_WIDTH, '0'));
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === 'a' && text[i + 1] === 'a') {
      key += '{2';
      i += 1;
      continue;
    }
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
