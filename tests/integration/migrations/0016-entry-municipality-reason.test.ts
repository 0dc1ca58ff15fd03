import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase, type AppDatabase } from '../../../electron/db/open';
import { makeTempDir } from '../../support/testDatabase';

/** Migration 0016: the reason an entry is logged on another municipality than its case's. */
let temp: ReturnType<typeof makeTempDir>;
let db: AppDatabase;

beforeEach(async () => {
  temp = makeTempDir();
  db = await openDatabase(join(temp.dir, 'm0016.sqlite'));
});
afterEach(() => {
  db.close();
  temp.cleanup();
});

const NOW = '2021-01-10T10:00:00.000Z';

function insertEntry(reason: string | null): void {
  const municipality = db.sqlite.prepare("select id from municipalities where name = 'Fauske'").pluck().get() as number;
  const category = db.sqlite.prepare('select id from categories where number = 1').pluck().get() as number;
  db.sqlite
    .prepare(
      `insert into time_entries (entry_date, case_id, municipality_id, category_id, minutes, source, created_at, updated_at, municipality_override_reason)
       values ('2021-01-04', null, ?, ?, 60, 'manual', ?, ?, ?)`,
    )
    .run(municipality, category, NOW, NOW, reason);
}

describe('0016-entry-municipality-reason', () => {
  it('is null unless a reason is given, and keeps the reason given', () => {
    insertEntry(null);
    insertEntry('Møtet var på Fauske legekontor');
    expect(db.sqlite.prepare('select municipality_override_reason as r from time_entries order by id').pluck().all()).toEqual([
      null,
      'Møtet var på Fauske legekontor',
    ]);
  });

  it('refuses an empty or blank reason and one over 200 characters', () => {
    expect(() => insertEntry('')).toThrow(/CHECK/);
    expect(() => insertEntry('   ')).toThrow(/CHECK/);
    expect(() => insertEntry('x'.repeat(201))).toThrow(/CHECK/);
  });
});
