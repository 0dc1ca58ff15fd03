import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { MIGRATIONS } from '../../../electron/db/migrations';
import { openDatabase, type AppDatabase } from '../../../electron/db/open';
import { AFTER_CONTACT_MISS_REASONS } from '@shared/domain/afterContact';
import { makeTempDir } from '../../support/testDatabase';

/** Migration 0015: why a three-month contact could not be held, one row per case. */
let temp: ReturnType<typeof makeTempDir>;
let db: AppDatabase;

beforeEach(async () => {
  temp = makeTempDir();
  db = await openDatabase(join(temp.dir, 'm0015.sqlite'));
});
afterEach(() => {
  db.close();
  temp.cleanup();
});

const NOW = '2021-06-15T10:00:00.000Z';

function insertCase(running: number): number {
  const steigen = db.sqlite.prepare("select id from municipalities where name = 'Steigen'").pluck().get() as number;
  return Number(
    db.sqlite
      .prepare(
        `insert into cases (code, municipality_id, year, running_number, status, referral_date, closed_date, created_at, updated_at)
         values (?, ?, 2021, ?, 'avsluttet', '2021-01-04', '2021-03-01', ?, ?)`,
      )
      .run(`${String(running).padStart(2, '0')}/21-ST`, steigen, running, NOW, NOW).lastInsertRowid,
  );
}

function insertMiss(caseId: number, reason: string, note: string | null = null, decidedOn = '2021-06-14'): void {
  db.sqlite
    .prepare(
      `insert into after_contact_not_possible (case_id, decided_on, reason, note, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?)`,
    )
    .run(caseId, decidedOn, reason, note, NOW, NOW);
}

describe('0015-after-contact-not-possible', () => {
  it('accepts every reason the screen offers, starts at version 1, and keeps one row per case', () => {
    for (const [index, reason] of AFTER_CONTACT_MISS_REASONS.entries()) insertMiss(insertCase(index + 1), reason);
    expect(db.sqlite.prepare('select distinct version from after_contact_not_possible').pluck().all()).toEqual([1]);
    const first = db.sqlite.prepare('select min(case_id) from after_contact_not_possible').pluck().get() as number;
    expect(() => insertMiss(first, 'flyttet')).toThrow(/UNIQUE|PRIMARY KEY/);
  });

  it('refuses an unknown reason, a blank or long note and a date that is not YYYY-MM-DD', () => {
    const id = insertCase(1);
    expect(() => insertMiss(id, 'glemt')).toThrow(/CHECK/);
    expect(() => insertMiss(id, 'annet', '  ')).toThrow(/CHECK/);
    expect(() => insertMiss(id, 'annet', 'x'.repeat(201))).toThrow(/CHECK/);
    expect(() => insertMiss(id, 'annet', null, '14.06.2021')).toThrow(/CHECK/);
    insertMiss(id, 'annet', 'x'.repeat(200));
  });

  it('goes with its case', () => {
    const id = insertCase(1);
    insertMiss(id, 'dod');
    db.sqlite.prepare('delete from cases where id = ?').run(id);
    expect(db.sqlite.prepare('select count(*) from after_contact_not_possible').pluck().get()).toBe(0);
  });

  it('is added to a database that already ran 0016 (numbers are merged out of order)', async () => {
    const path = join(temp.dir, 'ran-0016-first.sqlite');
    const { '0015-after-contact-not-possible': _skipped, ...without0015 } = MIGRATIONS;
    const older = await openDatabase(path, { migrations: without0015, backupPath: () => join(temp.dir, 'before.sqlite') });
    expect(older.sqlite.prepare("select count(*) from sqlite_master where name = 'after_contact_not_possible'").pluck().get()).toBe(0);
    older.close();
    const upgraded = await openDatabase(path, { backupPath: () => join(temp.dir, 'before-2.sqlite') });
    try {
      expect(upgraded.sqlite.prepare("select count(*) from sqlite_master where name = 'after_contact_not_possible'").pluck().get()).toBe(1);
      expect(upgraded.sqlite.prepare('select name from kysely_migration order by name').pluck().all()).toEqual(Object.keys(MIGRATIONS).sort());
    } finally {
      upgraded.close();
    }
  });
});
