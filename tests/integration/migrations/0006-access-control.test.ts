import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase, type AppDatabase } from '../../../electron/db/open';
import { MIGRATIONS } from '../../../electron/db/migrations';
import { verifyAuditChain } from '../../../electron/services/audit/log';
import { GENESIS_HASH } from '../../../electron/db/auditChain';
import { makeTempDir } from '../../support/testDatabase';

/** Migration 0006: password columns, the closure note, and the audit log joining a hash chain. */
let temp: ReturnType<typeof makeTempDir>;
let path: string;
let db: AppDatabase;

beforeEach(() => {
  temp = makeTempDir();
  path = join(temp.dir, 'm0006.sqlite');
});
afterEach(() => {
  db?.close();
  temp.cleanup();
});

const before0006 = Object.fromEntries(Object.entries(MIGRATIONS).filter(([name]) => name < '0006'));

describe('0006-access-control', () => {
  it('chains audit rows written before it, keeping them read-only', async () => {
    const old = await openDatabase(path, { migrations: before0006 });
    old.sqlite
      .prepare("insert into team_members (username, display_name, initials, role, created_at) values ('marit', 'Marit', 'MS', 'administrator', 'x')")
      .run();
    const insert = old.sqlite.prepare("insert into audit_log (at, actor_id, action, record_type, record_id, fields) values (?, 1, 'create', 'case', ?, '[]')");
    insert.run('2020-01-01T10:00:00.000Z', '1');
    insert.run('2020-01-02T10:00:00.000Z', '2');
    old.close();

    db = await openDatabase(path);
    const rows = db.sqlite.prepare('select id, prev_hash, hash from audit_log order by id').all() as { id: number; prev_hash: string; hash: string }[];
    expect(rows[0]!.prev_hash).toBe(GENESIS_HASH);
    expect(rows[1]!.prev_hash).toBe(rows[0]!.hash);
    expect(verifyAuditChain(db)).toEqual({ ok: true, rows: 2, firstBrokenId: null, findings: [] });
    expect(() => db.sqlite.prepare("update audit_log set action = 'delete' where id = 1").run()).toThrow(/skrivebeskyttet/);
    expect(() => db.sqlite.prepare('delete from audit_log').run()).toThrow(/skrivebeskyttet/);
    // A row slipped in without its place in the chain is refused.
    expect(() => insert.run('2020-01-03T10:00:00.000Z', '3')).toThrow();
    expect(() =>
      db.sqlite.prepare("insert into audit_log (at, action, record_type, fields) values ('2020-01-03T10:00:00.000Z', 'create', 'case', '[]')").run(),
    ).toThrow(/hash-kjede/);
  });

  it('adds passwords with a failure count, and a closure note of at most 500 characters', async () => {
    db = await openDatabase(path);
    const members = db.sqlite
      .prepare(
        "select name, dflt_value from pragma_table_info('team_members') where name in ('password_hash', 'failed_sign_ins', 'last_failed_sign_in_at') order by name",
      )
      .all();
    expect(members).toEqual([
      { name: 'failed_sign_ins', dflt_value: '0' },
      { name: 'last_failed_sign_in_at', dflt_value: null },
      { name: 'password_hash', dflt_value: null },
    ]);
    db.sqlite
      .prepare(
        "insert into cases (code, municipality_id, year, running_number, status, created_at, updated_at) values ('01/20-FA', 1, 2020, 1, 'henvist', 'x', 'x')",
      )
      .run();
    const setNote = db.sqlite.prepare("update cases set closure_note = ? where code = '01/20-FA'");
    setNote.run('x'.repeat(500));
    expect(() => setNote.run('x'.repeat(501))).toThrow(/CHECK/);
  });
});
