import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerNorwegianText } from '../../electron/db/norwegianText';
import { norwegianFold, norwegianOrder } from '../../electron/db/postgres/norwegianText';
import { freshPostgresDatabase, type TestPostgresDatabase } from '../support/postgresDatabase';

/**
 * Norwegian order on PostgreSQL (the ICU collation from migration 0001) against SQLite's nb_key(): the same
 * names must come out in the same order on both engines, with æ, ø, å after z.
 */
const NAMES = [
  'Ål',
  'Zebra',
  'Øyer',
  'ærfugl',
  'Andersen',
  'Aasen',
  'Bø',
  'Bod',
  'Østre Toten',
  'Haakon',
  'Hamar',
  'Team 10',
  'Team 9',
  'Sørfold',
  'Sortland',
  'Ærlig',
  'Zulu',
  'åker',
  'Eidsvoll',
  'Éva',
];

describe('Norwegian text on PostgreSQL', () => {
  let db: TestPostgresDatabase;
  beforeAll(async () => {
    db = await freshPostgresDatabase();
    await sql`create table names (name text not null)`.execute(db.kysely);
    for (const name of NAMES) await sql`insert into names (name) values (${name})`.execute(db.kysely);
  });
  afterAll(() => db.drop());

  async function postgresOrder(): Promise<string[]> {
    const rows = await sql<{ name: string }>`select name from names order by ${norwegianOrder(sql.ref('name'))}`.execute(db.kysely);
    return rows.rows.map((r) => r.name);
  }

  it('sorts æ, ø, å after z, in that order', async () => {
    const order = await postgresOrder();
    const position = (name: string) => order.indexOf(name);
    expect(position('Zulu')).toBeLessThan(position('ærfugl'));
    expect(position('Ærlig')).toBeLessThan(position('Øyer'));
    expect(position('Østre Toten')).toBeLessThan(position('åker'));
    // «Aasen» is «Åsen»: after «Ål».
    expect(order.slice(-7)).toEqual(['ærfugl', 'Ærlig', 'Østre Toten', 'Øyer', 'åker', 'Ål', 'Aasen']);
    // Byte order, which a plain ORDER BY under the C locale would use, puts them elsewhere.
    const plain = await sql<{ name: string }>`select name from names order by name collate "C"`.execute(db.kysely);
    expect(plain.rows.map((r) => r.name)).not.toEqual(order);
  });

  it('sorts digit runs as numbers («Team 9» before «Team 10») and «Bø» after «Bod»', async () => {
    const order = await postgresOrder();
    expect(order.indexOf('Team 9')).toBeLessThan(order.indexOf('Team 10'));
    expect(order.indexOf('Bod')).toBeLessThan(order.indexOf('Bø'));
    expect(order.indexOf('Sortland')).toBeLessThan(order.indexOf('Sørfold'));
  });

  it('gives the same order as SQLite with its nb_key()', async () => {
    const sqlite = new Database(':memory:');
    try {
      registerNorwegianText(sqlite);
      sqlite.exec('create table names (name text not null)');
      const insert = sqlite.prepare('insert into names (name) values (?)');
      for (const name of NAMES) insert.run(name);
      const sqliteOrder = (sqlite.prepare('select name from names order by nb_key(name)').all() as { name: string }[]).map((r) => r.name);
      expect(await postgresOrder()).toEqual(sqliteOrder);
    } finally {
      sqlite.close();
    }
  });

  it('folds case with Norwegian letters and NFC, as nb_fold() does', async () => {
    const decomposed = 'A\u030AKER';
    const rows = await sql<{ a: string; b: string }>`select ${norwegianFold(sql.val('SØRFOLD Æ'))} as a, ${norwegianFold(sql.val(decomposed))} as b`.execute(
      db.kysely,
    );
    expect(rows.rows[0]).toEqual({ a: 'sørfold æ', b: 'åker' });
  });
});
