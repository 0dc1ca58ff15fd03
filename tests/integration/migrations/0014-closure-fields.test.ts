import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase, type AppDatabase } from '../../../electron/db/open';
import { REFERRAL_REASON_MAX, TEAM_ASSESSMENT_MAX } from '../../../electron/db/migrations/0014-closure-fields';
import { REFERRAL_REASON_MAX_LENGTH, TEAM_ASSESSMENT_MAX_LENGTH } from '@shared/contract/cases/closureNote';
import { makeTempDir } from '../../support/testDatabase';

/** Migration 0014: referral reason and team assessment on the case, consent to share on the evaluation. */
let temp: ReturnType<typeof makeTempDir>;
let db: AppDatabase;
let caseId: number;

beforeEach(async () => {
  temp = makeTempDir();
  db = await openDatabase(join(temp.dir, 'm0014.sqlite'));
  const municipality = (db.sqlite.prepare("select id from municipalities where name = 'Steigen'").get() as { id: number }).id;
  caseId = Number(
    db.sqlite
      .prepare(
        `insert into cases (code, municipality_id, year, running_number, status, referral_date, created_at, updated_at)
         values ('01/20-ST', ?, 2020, 1, 'avsluttet', '2020-01-10', '2020-01-10T10:00:00Z', '2020-01-10T10:00:00Z')`,
      )
      .run(municipality).lastInsertRowid,
  );
});
afterEach(() => {
  db.close();
  temp.cleanup();
});

const setText = (column: 'referral_reason' | 'team_assessment', value: string) =>
  db.sqlite.prepare(`update cases set ${column} = ? where id = ?`).run(value, caseId);

describe('0014-closure-fields', () => {
  it('starts an existing case with neither text', () => {
    expect(db.sqlite.prepare('select referral_reason, team_assessment from cases where id = ?').get(caseId)).toEqual({
      referral_reason: null,
      team_assessment: null,
    });
  });

  it('holds the texts up to the limits the contract allows, and refuses longer ones', () => {
    expect(REFERRAL_REASON_MAX_LENGTH).toBe(REFERRAL_REASON_MAX);
    expect(TEAM_ASSESSMENT_MAX_LENGTH).toBe(TEAM_ASSESSMENT_MAX);
    setText('referral_reason', 'æ'.repeat(REFERRAL_REASON_MAX));
    setText('team_assessment', 'ø'.repeat(TEAM_ASSESSMENT_MAX));
    expect(() => setText('referral_reason', 'x'.repeat(REFERRAL_REASON_MAX + 1))).toThrow(/CHECK/);
    expect(() => setText('team_assessment', 'x'.repeat(TEAM_ASSESSMENT_MAX + 1))).toThrow(/CHECK/);
  });

  it('stores consent to share as yes, no or not ticked, and nothing else', () => {
    const insert = db.sqlite.prepare(
      `insert into evaluation_responses (case_id, received_date, consent_to_contact, consent_to_share, created_at, updated_at)
       values (?, '2020-07-01', null, ?, '2020-07-01T10:00:00Z', '2020-07-01T10:00:00Z')`,
    );
    for (const value of [1, 0, null]) insert.run(caseId, value);
    expect(() => insert.run(caseId, 2)).toThrow(/CHECK/);
    expect(db.sqlite.prepare('select consent_to_share as v from evaluation_responses order by id').all()).toEqual([{ v: 1 }, { v: 0 }, { v: null }]);
  });
});
