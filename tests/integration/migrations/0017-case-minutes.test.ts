import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase, type AppDatabase } from '../../../electron/db/open';
import { migrationsBefore, migrationTestFile } from '../../support/migrationTest';

/** Migration 0017: each case's logged minutes, kept by triggers, must always equal a fresh sum of its entries. */
const file = migrationTestFile('m0017.sqlite');

const NOW = '2021-06-15T10:00:00.000Z';

function insertCase(sqlite: AppDatabase['sqlite'], running: number): number {
  return Number(
    sqlite
      .prepare(
        `insert into cases (code, municipality_id, year, running_number, status, created_at, updated_at)
         values (?, 1, 2021, ?, 'oppfolging', ?, ?)`,
      )
      .run(`${String(running).padStart(2, '0')}/21-T`, running, NOW, NOW).lastInsertRowid,
  );
}

function insertEntry(sqlite: AppDatabase['sqlite'], caseId: number | null, minutes: number): number {
  return Number(
    sqlite
      .prepare(
        `insert into time_entries (entry_date, case_id, municipality_id, category_id, minutes, source, created_at, updated_at)
         values ('2021-03-02', ?, 1, 1, ?, 'manual', ?, ?)`,
      )
      .run(caseId, minutes, NOW, NOW).lastInsertRowid,
  );
}

/** Kept minutes and a fresh sum per case, in the same order: equal unless a trigger missed a change. */
function keptAndFresh(sqlite: AppDatabase['sqlite']) {
  const kept = sqlite.prepare('select id, logged_minutes as minutes from cases order by id').all();
  const fresh = sqlite
    .prepare('select c.id, coalesce((select sum(t.minutes) from time_entries t where t.case_id = c.id), 0) as minutes from cases c order by c.id')
    .all();
  return { kept, fresh };
}

describe('0017-case-minutes', () => {
  it('backfills the minutes of cases in a database that already holds entries', async () => {
    const old = await openDatabase(file.path, { migrations: migrationsBefore('0017') });
    const a = insertCase(old.sqlite, 1);
    const b = insertCase(old.sqlite, 2);
    const empty = insertCase(old.sqlite, 3);
    insertEntry(old.sqlite, a, 90);
    insertEntry(old.sqlite, a, 60);
    insertEntry(old.sqlite, b, 30);
    insertEntry(old.sqlite, null, 630);
    old.close();

    const db = (file.db = await openDatabase(file.path, { backupPath: () => join(file.dir, 'backup.sqlite') }));
    expect(db.sqlite.prepare('select id, logged_minutes from cases order by id').all()).toEqual([
      { id: a, logged_minutes: 150 },
      { id: b, logged_minutes: 30 },
      { id: empty, logged_minutes: 0 },
    ]);
  });

  it('stays equal to a fresh sum through random inserts, edits, moves between cases and deletes', async () => {
    const db = (file.db = await openDatabase(file.path));
    const { sqlite } = db;
    const cases = Array.from({ length: 6 }, (_, i) => insertCase(sqlite, i + 1));
    let seed = 20217;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      // The high bits: an LCG's low bits repeat with a short period and would leave cases unvisited.
      return Math.floor(seed / 65536) % n;
    };
    // One in seven picks no case: entries without a case must never count for one.
    const randomCase = () => (random(7) === 0 ? null : cases[random(cases.length)]!);
    const ids: number[] = [];
    const counts = { insert: 0, minutes: 0, move: 0, both: 0, unrelated: 0, delete: 0 };
    for (let step = 0; step < 800; step++) {
      const action = random(7);
      const id = ids.length ? ids[random(ids.length)]! : null;
      if (action <= 1 || id === null) {
        ids.push(insertEntry(sqlite, randomCase(), 30 * (1 + random(12))));
        counts.insert++;
      } else if (action === 2) {
        sqlite.prepare('update time_entries set minutes = ? where id = ?').run(30 * (1 + random(12)), id);
        counts.minutes++;
      } else if (action === 3) {
        sqlite.prepare('update time_entries set case_id = ? where id = ?').run(randomCase(), id);
        counts.move++;
      } else if (action === 4) {
        sqlite.prepare('update time_entries set case_id = ?, minutes = ? where id = ?').run(randomCase(), 30 * (1 + random(12)), id);
        counts.both++;
      } else if (action === 5) {
        // A change to another column must leave the case's minutes alone.
        sqlite.prepare("update time_entries set entry_date = '2021-04-01', category_id = 2 where id = ?").run(id);
        counts.unrelated++;
      } else {
        sqlite.prepare('delete from time_entries where id = ?').run(id);
        ids.splice(ids.indexOf(id), 1);
        counts.delete++;
      }
      if (step % 50 === 49) {
        const { kept, fresh } = keptAndFresh(sqlite);
        expect(kept).toEqual(fresh);
      }
    }
    for (const count of Object.values(counts)) expect(count).toBeGreaterThan(50);
    const { kept, fresh } = keptAndFresh(sqlite);
    expect(kept).toEqual(fresh);
    expect(sqlite.prepare('select count(*) from cases where logged_minutes > 0').pluck().get()).toBe(cases.length);
  });

  it('serves a sort by minutes from its index, without a temporary sort', async () => {
    const db = (file.db = await openDatabase(file.path));
    const plan = db.sqlite
      .prepare('explain query plan select id from cases order by logged_minutes desc, id desc limit 200 offset 400')
      .all()
      .map((row) => (row as { detail: string }).detail)
      .join('\n');
    expect(plan).toContain('cases_logged_minutes');
    expect(plan).not.toContain('TEMP B-TREE');
  });
});
