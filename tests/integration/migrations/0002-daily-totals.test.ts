import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase, type AppDatabase } from '../../../electron/db/open';
import * as initial from '../../../electron/db/migrations/0001-initial';
import { makeTempDir } from '../../support/testDatabase';

/** Migration 0002: per-day totals kept by triggers must always equal an aggregate of the entries. */
let temp: ReturnType<typeof makeTempDir>;
let path: string;
let db: AppDatabase;

beforeEach(() => {
  temp = makeTempDir();
  path = join(temp.dir, 'm0002.sqlite');
});

afterEach(() => {
  db?.close();
  temp.cleanup();
});

const NOW = '2020-06-15T10:00:00.000Z';

function insertMember(sqlite: AppDatabase['sqlite'], username: string): number {
  return Number(
    sqlite
      .prepare("insert into team_members (username, display_name, initials, role, created_at) values (?, ?, 'XX', 'teammedlem', ?)")
      .run(username, username, NOW).lastInsertRowid,
  );
}

function insertEntry(sqlite: AppDatabase['sqlite'], e: { date: string; municipality: number; category: number; minutes: number }): number {
  return Number(
    sqlite
      .prepare(
        `insert into time_entries (entry_date, municipality_id, category_id, minutes, source, created_at, updated_at)
         values (?, ?, ?, ?, 'manual', ?, ?)`,
      )
      .run(e.date, e.municipality, e.category, e.minutes, NOW, NOW).lastInsertRowid,
  );
}

/** The totals as the triggers left them (rows emptied by deletes count as absent). */
function totalsTable(sqlite: AppDatabase['sqlite']) {
  return sqlite
    .prepare(
      `select municipality_id, category_id, entry_date, entries, minutes, person_minutes from time_totals_daily
        where entries <> 0 or minutes <> 0 or person_minutes <> 0 order by 1, 2, 3`,
    )
    .all();
}

/** The same figures computed from scratch, with participants counted from their own table. */
function aggregateOfEntries(sqlite: AppDatabase['sqlite']) {
  return sqlite
    .prepare(
      `select t.municipality_id, t.category_id, t.entry_date, count(*) as entries, sum(t.minutes) as minutes,
              sum(t.minutes * (select count(*) from time_entry_participants p where p.time_entry_id = t.id)) as person_minutes
         from time_entries t group by 1, 2, 3 order by 1, 2, 3`,
    )
    .all();
}

describe('0002-daily-totals', () => {
  it('backfills the totals of a database that already holds entries', async () => {
    const old = await openDatabase(path, { migrations: { '0001-initial': initial } });
    const member = insertMember(old.sqlite, 'a');
    const other = insertMember(old.sqlite, 'b');
    const first = insertEntry(old.sqlite, { date: '2020-03-02', municipality: 4, category: 1, minutes: 90 });
    insertEntry(old.sqlite, { date: '2020-03-02', municipality: 4, category: 1, minutes: 60 });
    insertEntry(old.sqlite, { date: '2020-03-03', municipality: 1, category: 2, minutes: 30 });
    old.sqlite.prepare('insert into time_entry_participants values (?, ?), (?, ?)').run(first, member, first, other);
    old.close();

    db = await openDatabase(path, { backupPath: () => join(temp.dir, 'backup.sqlite') });
    expect(totalsTable(db.sqlite)).toEqual([
      { municipality_id: 1, category_id: 2, entry_date: '2020-03-03', entries: 1, minutes: 30, person_minutes: 0 },
      { municipality_id: 4, category_id: 1, entry_date: '2020-03-02', entries: 2, minutes: 150, person_minutes: 180 },
    ]);
  });

  it('stays equal to an aggregate of the entries through random inserts, edits, participant changes and deletes', async () => {
    db = await openDatabase(path);
    const { sqlite } = db;
    const members = [insertMember(sqlite, 'a'), insertMember(sqlite, 'b'), insertMember(sqlite, 'c')];
    let seed = 20201;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const randomEntry = () => ({
      date: `2020-0${1 + random(3)}-1${random(3)}`,
      municipality: 1 + random(11),
      category: 1 + random(10),
      minutes: 30 * (1 + random(6)),
    });
    const ids: number[] = [];
    for (let step = 0; step < 600; step++) {
      const action = random(6);
      const id = ids.length ? ids[random(ids.length)]! : null;
      if (action <= 1 || id === null) {
        ids.push(insertEntry(sqlite, randomEntry()));
      } else if (action === 2) {
        const e = randomEntry();
        sqlite
          .prepare('update time_entries set entry_date = ?, municipality_id = ?, category_id = ?, minutes = ? where id = ?')
          .run(e.date, e.municipality, e.category, e.minutes, id);
      } else if (action === 3) {
        sqlite.prepare('insert or ignore into time_entry_participants (time_entry_id, team_member_id) values (?, ?)').run(id, members[random(3)]);
      } else if (action === 4) {
        sqlite.prepare('delete from time_entry_participants where time_entry_id = ? and team_member_id = ?').run(id, members[random(3)]);
      } else {
        sqlite.prepare('delete from time_entries where id = ?').run(id);
        ids.splice(ids.indexOf(id), 1);
      }
      if (step % 50 === 49) expect(totalsTable(sqlite)).toEqual(aggregateOfEntries(sqlite));
    }
    expect(ids.length).toBeGreaterThan(50);
    expect(totalsTable(sqlite)).toEqual(aggregateOfEntries(sqlite));
  });

  it('takes an entry with participants out of the totals when it is deleted', async () => {
    db = await openDatabase(path);
    const { sqlite } = db;
    const member = insertMember(sqlite, 'a');
    const id = insertEntry(sqlite, { date: '2020-05-05', municipality: 2, category: 3, minutes: 120 });
    sqlite.prepare('insert into time_entry_participants (time_entry_id, team_member_id) values (?, ?)').run(id, member);
    expect(totalsTable(sqlite)).toEqual([{ municipality_id: 2, category_id: 3, entry_date: '2020-05-05', entries: 1, minutes: 120, person_minutes: 120 }]);
    sqlite.prepare('delete from time_entries where id = ?').run(id);
    expect(totalsTable(sqlite)).toEqual([]);
  });
});
