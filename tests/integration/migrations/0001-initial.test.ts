import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase, type AppDatabase } from '../../../electron/db/open';
import * as initial from '../../../electron/db/migrations/0001-initial';
import { makeTempDir } from '../../support/testDatabase';

/** Migration 0001 on its own, on a file database, checked with plain SQL. */
let temp: ReturnType<typeof makeTempDir>;
let db: AppDatabase;
let sqlite: AppDatabase['sqlite'];

beforeEach(async () => {
  temp = makeTempDir();
  db = await openDatabase(join(temp.dir, 'm0001.sqlite'), { migrations: { '0001-initial': initial } });
  sqlite = db.sqlite;
});

afterEach(() => {
  db.close();
  temp.cleanup();
});

const rows = <T>(query: string, ...params: unknown[]) => sqlite.prepare(query).all(...params) as T[];
const one = <T>(query: string, ...params: unknown[]) => sqlite.prepare(query).get(...params) as T;

function insertEntry(values: { minutes?: number; categoryId?: number } = {}): number {
  const now = '2020-06-15T10:00:00.000Z';
  return Number(
    sqlite
      .prepare(
        `insert into time_entries (entry_date, municipality_id, category_id, minutes, source, created_at, updated_at)
         values ('2020-06-15', 1, ?, ?, 'manual', ?, ?)`,
      )
      .run(values.categoryId ?? 1, values.minutes ?? 60, now, now).lastInsertRowid,
  );
}

function insertMember(username: string): number {
  return Number(
    sqlite
      .prepare(`insert into team_members (username, display_name, initials, role, created_at) values (?, ?, 'XX', 'teammedlem', '2020-01-01')`)
      .run(username, username).lastInsertRowid,
  );
}

describe('0001-initial', () => {
  it('is recorded as applied', () => {
    expect(rows<{ name: string }>('select name from kysely_migration').map((r) => r.name)).toEqual(['0001-initial']);
  });

  it('creates every table', () => {
    const tables = rows<{ name: string }>("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'").map((r) => r.name);
    expect(tables.sort()).toEqual(
      [
        'audit_log',
        'case_staff',
        'cases',
        'categories',
        'kysely_migration',
        'kysely_migration_lock',
        'municipalities',
        'team_members',
        'time_entries',
        'time_entry_participants',
      ].sort(),
    );
  });

  it('seeds the nine member municipalities, «Andre kommuner» and «Felles»', () => {
    const all = rows<{ name: string; code: string | null; kind: string; member_from: string | null }>(
      'select name, code, kind, member_from from municipalities',
    );
    expect(all).toHaveLength(11);
    const members = all.filter((m) => m.kind === 'member');
    expect(members).toHaveLength(9);
    expect(Object.fromEntries(members.map((m) => [m.name, m.code]))).toEqual({
      Fauske: 'FA',
      Sørfold: 'SØ',
      Hamarøy: 'HA',
      Steigen: 'ST',
      Saltdal: 'SA',
      Meløy: 'ME',
      Gildeskål: 'GI',
      Beiarn: 'BE',
      Rødøy: 'RØ',
    });
    expect(members.find((m) => m.name === 'Rødøy')?.member_from).toBe('2020-09-01');
    expect(members.filter((m) => m.name !== 'Rødøy').every((m) => m.member_from === '2020-01-01')).toBe(true);
    const others = all.filter((m) => m.kind !== 'member');
    expect(others.map((m) => [m.name, m.code, m.kind])).toEqual([
      ['Andre kommuner', null, 'other'],
      ['Felles', null, 'shared'],
    ]);
  });

  it('seeds exactly ten categories numbered 1–10, none retired', () => {
    const categories = rows<{ number: number; name: string; retired_at: string | null }>('select number, name, retired_at from categories order by number');
    expect(categories.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(categories[0]?.name).toBe('Brukeroppfølging');
    expect(categories[1]?.name).toBe('Kjøring');
    expect(categories[4]?.name).toBe('Administrasjonsarbeid');
    expect(categories[9]?.name).toBe('Ikke møtt');
    expect(categories.every((c) => c.retired_at === null)).toBe(true);
  });

  it('runs with foreign keys on and a WAL journal on a file database', () => {
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(Number(sqlite.pragma('busy_timeout', { simple: true }))).toBeGreaterThan(0);
  });

  it('refuses a time entry that points at a municipality that does not exist', () => {
    const now = '2020-06-15T10:00:00.000Z';
    expect(() =>
      sqlite
        .prepare(
          `insert into time_entries (entry_date, municipality_id, category_id, minutes, source, created_at, updated_at)
           values ('2020-06-15', 999, 1, 60, 'manual', ?, ?)`,
        )
        .run(now, now),
    ).toThrow(/FOREIGN KEY/);
  });

  it('keeps participant_count in step with the participants', () => {
    const entry = insertEntry();
    const a = insertMember('a');
    const b = insertMember('b');
    const count = () => one<{ n: number }>('select participant_count as n from time_entries where id = ?', entry).n;
    expect(count()).toBe(0);
    sqlite.prepare('insert into time_entry_participants (time_entry_id, team_member_id) values (?, ?)').run(entry, a);
    expect(count()).toBe(1);
    sqlite.prepare('insert into time_entry_participants (time_entry_id, team_member_id) values (?, ?)').run(entry, b);
    expect(count()).toBe(2);
    sqlite.prepare('delete from time_entry_participants where time_entry_id = ? and team_member_id = ?').run(entry, a);
    expect(count()).toBe(1);
  });

  it('deletes an entry’s participants with the entry', () => {
    const entry = insertEntry();
    sqlite.prepare('insert into time_entry_participants (time_entry_id, team_member_id) values (?, ?)').run(entry, insertMember('a'));
    sqlite.prepare('delete from time_entries where id = ?').run(entry);
    expect(one<{ n: number }>('select count(*) as n from time_entry_participants').n).toBe(0);
  });

  it('refuses to change or delete audit rows', () => {
    sqlite.prepare(`insert into audit_log (at, action, record_type, record_id, fields) values ('2020-01-01T00:00:00Z', 'create', 'case', '1', '[]')`).run();
    expect(() => sqlite.prepare("update audit_log set action = 'delete'").run()).toThrow(/skrivebeskyttet/);
    expect(() => sqlite.prepare('delete from audit_log').run()).toThrow(/skrivebeskyttet/);
    expect(one<{ action: string }>('select action from audit_log').action).toBe('create');
  });

  it('refuses to delete a category with time on it, but not one without', () => {
    insertEntry({ categoryId: 5 });
    expect(() => sqlite.prepare('delete from categories where id = 5').run()).toThrow(/FOREIGN KEY/);
    expect(one<{ n: number }>('select count(*) as n from categories where id = 5').n).toBe(1);
    sqlite.prepare('delete from categories where id = 6').run();
    expect(one<{ n: number }>('select count(*) as n from categories').n).toBe(9);
  });

  it.each([15, 0, -30, 1470, 45])('refuses %i minutes', (minutes) => {
    expect(() => insertEntry({ minutes })).toThrow(/CHECK/);
  });

  it.each([30, 1440])('accepts %i minutes', (minutes) => {
    expect(insertEntry({ minutes })).toBeGreaterThan(0);
  });

  it('requires a code for members and none for the others', () => {
    expect(() => sqlite.prepare(`insert into municipalities (code, name, kind, sort_order) values (null, 'Bodø', 'member', 12)`).run()).toThrow(/CHECK/);
    expect(() => sqlite.prepare(`insert into municipalities (code, name, kind, sort_order) values ('XY', 'Noe annet', 'other', 12)`).run()).toThrow(/CHECK/);
  });

  it('refuses two cases with the same code', () => {
    const insert = sqlite.prepare(
      `insert into cases (code, municipality_id, year, running_number, status, created_at, updated_at)
       values ('01/20-FA', 1, 2020, 1, 'henvist', 'x', 'x')`,
    );
    insert.run();
    expect(() => insert.run()).toThrow(/UNIQUE/);
  });
});
