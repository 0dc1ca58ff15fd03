import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase, type AppDatabase } from '../../../electron/db/open';
import { makeTempDir } from '../../support/testDatabase';

/** Migration 0003: the settings table holds JSON only and points at a real member. */
let temp: ReturnType<typeof makeTempDir>;
let db: AppDatabase;

beforeEach(async () => {
  temp = makeTempDir();
  db = await openDatabase(join(temp.dir, 'm0003.sqlite'));
});
afterEach(() => {
  db.close();
  temp.cleanup();
});

describe('0003-settings', () => {
  it('creates an empty settings table keyed by name', () => {
    const columns = db.sqlite.prepare('select name, pk from pragma_table_info(?) order by cid').all('settings');
    expect(columns).toEqual([
      { name: 'key', pk: 1 },
      { name: 'value', pk: 0 },
      { name: 'updated_at', pk: 0 },
      { name: 'updated_by', pk: 0 },
      // Added by 0013: the version a save must name, so two administrators cannot overwrite each other.
      { name: 'version', pk: 0 },
    ]);
    expect(db.sqlite.prepare('select count(*) as n from settings').get()).toEqual({ n: 0 });
  });

  it('refuses a value that is not JSON and an unknown member', () => {
    const insert = db.sqlite.prepare('insert into settings (key, value, updated_at, updated_by) values (?, ?, ?, ?)');
    expect(() => insert.run('a', 'not json', 'now', null)).toThrow(/CHECK/);
    expect(() => insert.run('b', '1', 'now', 4242)).toThrow(/FOREIGN KEY/);
    insert.run('c', '"tekst"', 'now', null);
    expect(() => insert.run('c', '2', 'now', null)).toThrow(/UNIQUE/);
  });
});
