import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase, type AppDatabase } from '../../../electron/db/open';
import { migrationsBefore, migrationTestFile } from '../../support/migrationTest';

/** Migration 0018: each participant row's copies of its entry's minutes and participant count stay equal to the entry's. */
const file = migrationTestFile('m0018.sqlite');

const NOW = '2021-06-15T10:00:00.000Z';

function insertMember(sqlite: AppDatabase['sqlite'], username: string): number {
  return Number(
    sqlite
      .prepare("insert into team_members (username, display_name, initials, role, created_at) values (?, ?, 'XX', 'teammedlem', ?)")
      .run(username, username, NOW).lastInsertRowid,
  );
}

function insertEntry(sqlite: AppDatabase['sqlite'], minutes: number): number {
  return Number(
    sqlite
      .prepare(
        `insert into time_entries (entry_date, municipality_id, category_id, minutes, source, created_at, updated_at)
         values ('2021-03-02', 1, 1, ?, 'manual', ?, ?)`,
      )
      .run(minutes, NOW, NOW).lastInsertRowid,
  );
}

const addParticipant = (sqlite: AppDatabase['sqlite'], entry: number, member: number) =>
  sqlite.prepare('insert or ignore into time_entry_participants (time_entry_id, team_member_id) values (?, ?)').run(entry, member);

/** The copies as kept and the entries' own figures, row by row, in the same order. */
function keptAndFresh(sqlite: AppDatabase['sqlite']) {
  const kept = sqlite
    .prepare('select time_entry_id, team_member_id, entry_minutes as minutes, entry_participants as participants from time_entry_participants order by 1, 2')
    .all();
  const fresh = sqlite
    .prepare(
      `select p.time_entry_id, p.team_member_id, t.minutes,
              (select count(*) from time_entry_participants q where q.time_entry_id = t.id) as participants
         from time_entry_participants p join time_entries t on t.id = p.time_entry_id order by 1, 2`,
    )
    .all();
  return { kept, fresh };
}

describe('0018-participant-entry-minutes', () => {
  it('backfills the copies in a database that already has participants', async () => {
    const old = await openDatabase(file.path, { migrations: migrationsBefore('0018') });
    const [a, b] = [insertMember(old.sqlite, 'a'), insertMember(old.sqlite, 'b')];
    const two = insertEntry(old.sqlite, 90);
    const one = insertEntry(old.sqlite, 60);
    addParticipant(old.sqlite, two, a);
    addParticipant(old.sqlite, two, b);
    addParticipant(old.sqlite, one, b);
    old.close();

    const db = (file.db = await openDatabase(file.path, { backupPath: () => join(file.dir, 'backup.sqlite') }));
    expect(
      db.sqlite.prepare('select time_entry_id, team_member_id, entry_minutes, entry_participants from time_entry_participants order by 1, 2').all(),
    ).toEqual([
      { time_entry_id: two, team_member_id: a, entry_minutes: 90, entry_participants: 2 },
      { time_entry_id: two, team_member_id: b, entry_minutes: 90, entry_participants: 2 },
      { time_entry_id: one, team_member_id: b, entry_minutes: 60, entry_participants: 1 },
    ]);
  });

  it('stays equal to the entries through random inserts, edits, participant changes and deletes', async () => {
    const db = (file.db = await openDatabase(file.path));
    const { sqlite } = db;
    const members = ['a', 'b', 'c', 'd'].map((name) => insertMember(sqlite, name));
    let seed = 20218;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      // The high bits: an LCG's low bits repeat with a short period.
      return Math.floor(seed / 65536) % n;
    };
    const ids: number[] = [];
    const counts = { insert: 0, minutes: 0, join: 0, leave: 0, delete: 0 };
    for (let step = 0; step < 700; step++) {
      const action = random(6);
      const id = ids.length ? ids[random(ids.length)]! : null;
      if (action <= 1 || id === null) {
        ids.push(insertEntry(sqlite, 30 * (1 + random(8))));
        counts.insert++;
      } else if (action === 2) {
        sqlite.prepare('update time_entries set minutes = ? where id = ?').run(30 * (1 + random(8)), id);
        counts.minutes++;
      } else if (action === 3) {
        addParticipant(sqlite, id, members[random(members.length)]!);
        counts.join++;
      } else if (action === 4) {
        sqlite.prepare('delete from time_entry_participants where time_entry_id = ? and team_member_id = ?').run(id, members[random(members.length)]);
        counts.leave++;
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
    expect(sqlite.prepare('select count(*) from time_entry_participants where entry_participants > 1').pluck().get()).toBeGreaterThan(10);
  });

  it('answers one member’s totals from the member index alone', async () => {
    const db = (file.db = await openDatabase(file.path));
    const plan = db.sqlite
      .prepare(
        'explain query plan select count(*), sum(entry_minutes), sum(entry_minutes * entry_participants) from time_entry_participants where team_member_id = 1',
      )
      .all()
      .map((row) => (row as { detail: string }).detail)
      .join('\n');
    expect(plan).toContain('COVERING INDEX time_entry_participants_by_member');
  });
});
