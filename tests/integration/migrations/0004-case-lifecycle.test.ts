import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase, type AppDatabase } from '../../../electron/db/open';
import { DEFAULT_LIFE_DOMAINS } from '@shared/domain/caseLife';
import { makeTempDir } from '../../support/testDatabase';

/** Migration 0004: lifecycle columns are nullable, new tables hold what a case gathers, constraints hold. */
let temp: ReturnType<typeof makeTempDir>;
let db: AppDatabase;

beforeEach(async () => {
  temp = makeTempDir();
  db = await openDatabase(join(temp.dir, 'm0004.sqlite'));
});
afterEach(() => {
  db.close();
  temp.cleanup();
});

const steigen = () => (db.sqlite.prepare("select id from municipalities where name = 'Steigen'").get() as { id: number }).id;

// Exactly the columns an import of the old time sheet writes (the foundation's columns).
function insertImportedCase(code = '01/20-ST'): number {
  return Number(
    db.sqlite
      .prepare(
        `insert into cases (code, municipality_id, year, running_number, status, referral_date, start_date, closed_date, created_at, updated_at)
         values (?, ?, 2020, 1, 'importert', null, '2020-02-01', null, 'now', 'now')`,
      )
      .run(code, steigen()).lastInsertRowid,
  );
}

describe('0004-case-lifecycle', () => {
  it('keeps a case written with only the foundation columns valid, lifecycle columns null', () => {
    const id = insertImportedCase();
    const row = db.sqlite.prepare('select * from cases where id = ?').get(id) as Record<string, unknown>;
    for (const column of ['institution_kind', 'discharge_date', 'closure_reason', 'risk_assessment_done', 'after_contact_date']) {
      expect(row[column], column).toBeNull();
    }
  });

  it('seeds the eight life domains in order', () => {
    const names = db.sqlite
      .prepare('select name from life_domains order by sort_order')
      .all()
      .map((r) => (r as { name: string }).name);
    expect(names).toEqual([...DEFAULT_LIFE_DOMAINS]);
  });

  it('refuses values outside the lists and ratings outside the scale', () => {
    const id = insertImportedCase();
    expect(() => db.sqlite.prepare("update cases set closure_reason = 'lei' where id = ?").run(id)).toThrow(/CHECK/);
    expect(() => db.sqlite.prepare("update cases set institution_kind = 'hotell' where id = ?").run(id)).toThrow(/CHECK/);
    const rate = db.sqlite.prepare("insert into case_domain_ratings (case_id, domain_id, occasion, level, rated_on) values (?, 1, ?, ?, '2020-03-01')");
    expect(() => rate.run(id, 'start', 4)).toThrow(/CHECK/);
    expect(() => rate.run(id, 'underveis', 2)).toThrow(/CHECK/);
    rate.run(id, 'start', 3);
    expect(() => rate.run(id, 'start', 2)).toThrow(/UNIQUE|PRIMARY/);
  });

  it('keeps a contact in use from being deleted, and places a contact consistently', () => {
    const id = insertImportedCase();
    const insertContact = db.sqlite.prepare(
      "insert into contacts (name, kind, area, municipality_id, other_municipality, created_at, updated_at) values (?, 'nav', ?, ?, ?, 'now', 'now')",
    );
    expect(() => insertContact.run('NAV Steigen', 'member', null, null)).toThrow(/CHECK/);
    expect(() => insertContact.run('NAV Bodø', 'other', null, null)).toThrow(/CHECK/);
    const contact = Number(insertContact.run('NAV Steigen', 'member', steigen(), null).lastInsertRowid);
    db.sqlite.prepare("insert into case_contacts (case_id, contact_id, role) values (?, ?, 'henviser')").run(id, contact);
    expect(() => db.sqlite.prepare('delete from contacts where id = ?').run(contact)).toThrow(/FOREIGN KEY/);
  });

  it('deletes a case’s free text with the case (goals, ratings, links, timeline)', () => {
    const id = insertImportedCase();
    db.sqlite.prepare("insert into case_goals (case_id, text, status, created_at, updated_at) values (?, 'Egen bolig', 'pagar', 'now', 'now')").run(id);
    db.sqlite.prepare("insert into case_transitions (case_id, to_status, on_date, at) values (?, 'importert', '2020-02-01', 'now')").run(id);
    db.sqlite.prepare('delete from cases where id = ?').run(id);
    expect(db.sqlite.prepare('select (select count(*) from case_goals) + (select count(*) from case_transitions) as n').get()).toEqual({ n: 0 });
  });
});
