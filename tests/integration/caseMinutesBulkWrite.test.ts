import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { transaction } from '../../electron/db/exec';
import { insertWithGroupedTotals } from '../../electron/services/timesheet/bulkWrite';
import { categoryId, createTestDatabase, municipalityId, type TestDatabase } from '../support/testDatabase';

/** An import lifts the per-row case-minutes trigger (migration 0017) and adds its rows grouped: same result. */
let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase({ now: '2022-06-15T10:00:00.000Z' });
});
afterEach(() => t.close());

const keptMinutes = () => t.db.sqlite.prepare('select id, logged_minutes as minutes from cases order by id').all();
const summedMinutes = () =>
  t.db.sqlite.prepare('select c.id, coalesce((select sum(minutes) from time_entries where case_id = c.id), 0) as minutes from cases c order by c.id').all();
const triggerSql = () => t.db.sqlite.prepare("select sql from sqlite_master where name = 'case_minutes_after_insert'").pluck().get();

function insertEntries(rows: [number | null, number][]): void {
  const [municipality, category] = [municipalityId(t, 'Fauske'), categoryId(t, 1)];
  const insert = t.db.sqlite.prepare(
    `insert into time_entries (entry_date, case_id, municipality_id, category_id, minutes, source, created_at, updated_at) values ('2021-03-01', ?, ?, ?, ?, 'import', 'x', 'x')`,
  );
  for (const [caseId, minutes] of rows) insert.run(caseId, municipality, category, minutes);
}

describe('insertWithGroupedTotals and the cases’ logged minutes', () => {
  it('adds an import’s rows to the cases they name, on top of what the trigger kept, and puts the trigger back', () => {
    const fauske = municipalityId(t, 'Fauske');
    const a = t.ok('cases:create', { municipalityId: fauske, referralDate: '2021-02-01' }).id;
    const b = t.ok('cases:create', { municipalityId: fauske, referralDate: '2021-02-02' }).id;
    const untouched = t.ok('cases:create', { municipalityId: fauske, referralDate: '2021-02-03' }).id;
    const before = triggerSql();
    transaction(t.db, () => insertEntries([[a, 60]]));
    transaction(t.db, () =>
      insertWithGroupedTotals(t.db.sqlite, () =>
        insertEntries([
          [a, 30],
          [a, 90],
          [b, 120],
          [null, 300],
        ]),
      ),
    );
    expect(keptMinutes()).toEqual(summedMinutes());
    expect(keptMinutes()).toEqual([
      { id: a, minutes: 180 },
      { id: b, minutes: 120 },
      { id: untouched, minutes: 0 },
    ]);
    expect(triggerSql()).toBe(before);
    // The trigger works again for the next ordinary write.
    transaction(t.db, () => insertEntries([[b, 30]]));
    expect(keptMinutes()).toEqual(summedMinutes());
  });

  it('leaves the trigger and the minutes untouched when the write fails', () => {
    const a = t.ok('cases:create', { municipalityId: municipalityId(t, 'Fauske'), referralDate: '2021-02-01' }).id;
    const before = { trigger: triggerSql(), minutes: keptMinutes() };
    expect(() =>
      transaction(t.db, () =>
        insertWithGroupedTotals(t.db.sqlite, () => {
          insertEntries([[a, 60]]);
          throw new Error('stopp');
        }),
      ),
    ).toThrow('stopp');
    expect({ trigger: triggerSql(), minutes: keptMinutes() }).toEqual(before);
  });
});
