import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase, type AppDatabase } from '../../../electron/db/open';
import { makeTempDir } from '../../support/testDatabase';

/** Migration 0010: one introductory text per year and report section. */
let temp: ReturnType<typeof makeTempDir>;
let db: AppDatabase;

beforeEach(async () => {
  temp = makeTempDir();
  db = await openDatabase(join(temp.dir, 'm0010.sqlite'));
});
afterEach(() => {
  db.close();
  temp.cleanup();
});

const INSERT = 'insert into annual_report_texts (year, section, text, updated_at, updated_by) values (?, ?, ?, ?, null)';
const NOW = '2021-01-10T10:00:00.000Z';

describe('0010-annual-report-texts', () => {
  it('keeps one text per year and section', () => {
    db.sqlite.prepare(INSERT).run(2020, 'team', 'Teamet består av fire miljøterapeuter.', NOW);
    db.sqlite.prepare(INSERT).run(2021, 'team', 'Nytt år.', NOW);
    expect(() => db.sqlite.prepare(INSERT).run(2020, 'team', 'En gang til', NOW)).toThrow(/UNIQUE|PRIMARY/);
    const rows = db.sqlite.prepare('select year, section, text from annual_report_texts order by year').all();
    expect(rows).toEqual([
      { year: 2020, section: 'team', text: 'Teamet består av fire miljøterapeuter.' },
      { year: 2021, section: 'team', text: 'Nytt år.' },
    ]);
  });

  it('refuses empty texts, texts over the limit and impossible years', () => {
    expect(() => db.sqlite.prepare(INSERT).run(2020, 'team', '', NOW)).toThrow(/CHECK/);
    expect(() => db.sqlite.prepare(INSERT).run(2020, 'team', 'x'.repeat(8001), NOW)).toThrow(/CHECK/);
    expect(() => db.sqlite.prepare(INSERT).run(1999, 'team', 'tekst', NOW)).toThrow(/CHECK/);
    expect(() => db.sqlite.prepare(INSERT).run(2020, '', 'tekst', NOW)).toThrow(/CHECK/);
  });

  it('refers to an existing team member as author', () => {
    expect(() =>
      db.sqlite.prepare('insert into annual_report_texts (year, section, text, updated_at, updated_by) values (2020, ?, ?, ?, 9999)').run('team', 'tekst', NOW),
    ).toThrow(/FOREIGN KEY/);
  });
});
