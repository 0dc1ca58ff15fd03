import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock, type SignedInContext } from '../../electron/services/context';
import { signedInContextSync } from '../../electron/services/session/actor';
import type { WritePlan } from '../../electron/services/timesheet/commit';
import { commitInWorker } from '../../electron/services/timesheet/commitInWorker';
import { syntheticWritePlan } from '../support/importPlans';
import { categoryId, createTestDatabase, municipalityId, TEST_NOW, type TestDatabase } from '../support/testDatabase';

/**
 * The import's write from a worker on its own connection: the same rows as a write on the calling
 * thread, nothing visible before the commit, nothing left by a stop or a failure in the middle.
 */
let t: TestDatabase;
let other: TestDatabase | null = null;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(() => {
  t.close();
  other?.close();
  other = null;
});

function contextOf(db: TestDatabase): SignedInContext {
  const member = db.member!;
  const actor = { id: member.id, username: member.username, role: member.role };
  return signedInContextSync({ db: db.db, actor, clock: fixedClock(TEST_NOW), session: { actor } });
}

function planOf(db: TestDatabase, rows: number): WritePlan {
  return syntheticWritePlan(rows, {
    municipalities: [municipalityId(db, 'Felles'), municipalityId(db, 'Steigen'), municipalityId(db, 'Fauske')],
    categories: [categoryId(db, 1), categoryId(db, 2), categoryId(db, 7)],
  });
}

const TABLES = {
  entries:
    'select id, entry_date, case_id, municipality_id, category_id, minutes, participant_count, source, created_at, created_by from time_entries order by id',
  keys: 'select row_key, import_id, time_entry_id from timesheet_import_rows order by row_key',
  totals: 'select * from time_totals_daily where entries > 0 order by 1, 2, 3',
  imports:
    'select id, imported_at, imported_by, file_sha256, rows_read, rows_imported, rows_rejected, duplicates_skipped, cases_created from timesheet_imports',
  cases: "select code, status, year, running_number from cases where status = 'importert'",
  audit: "select at, actor_id, action, record_type, record_id, fields from audit_log where fields like '%rows%' or record_type = 'case' order by id",
};
const snapshot = (db: TestDatabase) => Object.fromEntries(Object.entries(TABLES).map(([name, sql]) => [name, db.db.sqlite.prepare(sql).all()]));
const recomputedTotals = (db: TestDatabase) =>
  db.db.sqlite
    .prepare(
      `select municipality_id, category_id, entry_date, count(*) as entries, sum(minutes) as minutes, sum(minutes * participant_count) as person_minutes
         from time_entries group by 1, 2, 3 order by 1, 2, 3`,
    )
    .all();
const triggerSql = (db: TestDatabase) => db.db.sqlite.prepare("select sql from sqlite_master where name = 'time_totals_after_insert'").pluck().get();

describe('the import written from a worker on its own connection', () => {
  it('stores exactly what the same plan written on the calling thread stores', async () => {
    other = await createTestDatabase();
    const inWorker = await commitInWorker(contextOf(t), planOf(t, 3_000), 'a'.repeat(64), { inProcessMaxRows: 0 });
    const inProcess = await commitInWorker(contextOf(other), planOf(other, 3_000), 'a'.repeat(64), { inProcessMaxRows: Infinity });
    expect(inWorker).toEqual(inProcess);
    expect(inWorker).toMatchObject({ imported: 3_000, casesCreated: ['07/19-ST'] });
    expect(snapshot(t)).toEqual(snapshot(other));
    expect(snapshot(t).totals).toEqual(recomputedTotals(t));
    expect(triggerSql(t)).toBe(triggerSql(other));
  }, 120_000);

  it('shows nothing to other connections before it commits, and a stop in the middle leaves nothing at all', async () => {
    const before = { ...snapshot(t), trigger: triggerSql(t) };
    const stop = new AbortController();
    const seenWhileWriting: unknown[] = [];
    const writing = commitInWorker(contextOf(t), planOf(t, 60_000), 'b'.repeat(64), {
      inProcessMaxRows: 0,
      signal: stop.signal,
      onProgress: (rowsWritten) => {
        // Rows are in the worker's open transaction: the main connection still sees the file as it was.
        seenWhileWriting.push({ rowsWritten, ...snapshot(t), trigger: triggerSql(t) });
        stop.abort();
      },
    });
    await expect(writing).rejects.toThrow('Importen ble stoppet');
    expect(seenWhileWriting.length).toBeGreaterThan(0);
    expect(seenWhileWriting[0]).toEqual({ rowsWritten: expect.any(Number), ...before });
    expect((seenWhileWriting[0] as { rowsWritten: number }).rowsWritten).toBeLessThan(60_000);
    expect({ ...snapshot(t), trigger: triggerSql(t) }).toEqual(before);
    // The file is whole and writable: the next import goes in, with exact totals.
    await commitInWorker(contextOf(t), planOf(t, 2_000), 'c'.repeat(64), { inProcessMaxRows: 0 });
    expect(t.db.sqlite.prepare('select count(*) from time_entries').pluck().get()).toBe(2_000);
    expect(snapshot(t).totals).toEqual(recomputedTotals(t));
  }, 120_000);

  it('rolls everything back when a row fails in the middle, and answers as the failure in main would', async () => {
    const before = { ...snapshot(t), trigger: triggerSql(t) };
    // Created on the main connection, it is in the file's schema: the worker's connection runs it too.
    t.db.sqlite.exec(`create trigger fail_midway before insert on time_entries when (select count(*) from time_entries) >= 2500
      begin select raise(abort, 'disk'); end`);
    const result = commitInWorker(contextOf(t), planOf(t, 5_000), 'd'.repeat(64), { inProcessMaxRows: 0 });
    await expect(result).rejects.toMatchObject({ name: 'SqliteError', code: 'SQLITE_CONSTRAINT_TRIGGER' });
    // SQLite's own message can quote a row's values: it stays in the worker.
    await expect(result).rejects.toThrow('Importen kunne ikke lagres');
    t.db.sqlite.exec('drop trigger fail_midway');
    expect({ ...snapshot(t), trigger: triggerSql(t) }).toEqual(before);
  }, 120_000);
});
