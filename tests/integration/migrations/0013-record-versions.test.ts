import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase, type AppDatabase } from '../../../electron/db/open';
import { makeTempDir } from '../../support/testDatabase';

/** Migration 0013: every record a user edits has a version, and who changed it last. */
let temp: ReturnType<typeof makeTempDir>;
let db: AppDatabase;

beforeEach(async () => {
  temp = makeTempDir();
  db = await openDatabase(join(temp.dir, 'm0013.sqlite'));
});
afterEach(() => {
  db.close();
  temp.cleanup();
});

const columns = (table: string) => (db.sqlite.prepare(`select name from pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => c.name);

describe('0013-record-versions', () => {
  it.each([
    'cases',
    'case_goals',
    'contacts',
    'network_events',
    'team_members',
    'time_entries',
    'settings',
    'evaluation_responses',
    'life_domains',
    'municipality_years',
    'cost_share_years',
    'annual_report_texts',
  ])('%s has version, updated_at and updated_by', (table) => {
    expect(columns(table)).toEqual(expect.arrayContaining(['version', 'updated_at', 'updated_by']));
  });

  it('starts existing and new rows at version 1 and refuses a version below 1', () => {
    db.sqlite.prepare(`insert into settings (key, value, updated_at) values ('x', '1', '2021-01-01T00:00:00.000Z')`).run();
    expect(db.sqlite.prepare(`select version from settings where key = 'x'`).get()).toEqual({ version: 1 });
    expect(() => db.sqlite.prepare(`update settings set version = 0 where key = 'x'`).run()).toThrow(/CHECK/);
  });

  it('refers to an existing team member as the last editor', () => {
    expect((db.sqlite.prepare('select count(*) as n from life_domains').get() as { n: number }).n).toBeGreaterThan(0);
    expect(() => db.sqlite.prepare('update life_domains set updated_by = 9999').run()).toThrow(/FOREIGN KEY/);
  });
});
