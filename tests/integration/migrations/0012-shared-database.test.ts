import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase, type AppDatabase } from '../../../electron/db/open';
import { isMarkedShared, markShared } from '../../../electron/db/sharing';
import { makeTempDir } from '../../support/testDatabase';

/** Migration 0012: the shared mark inside the file, who has it open, and who takes the day's backup. */
let temp: ReturnType<typeof makeTempDir>;
let db: AppDatabase;

beforeEach(async () => {
  temp = makeTempDir();
  db = await openDatabase(join(temp.dir, 'm0012.sqlite'));
});
afterEach(() => {
  db.close();
  temp.cleanup();
});

const NOW = '2021-01-10T10:00:00.000Z';

describe('0012-shared-database', () => {
  it('a new database is not shared until marked, and the mark is one row', () => {
    expect(isMarkedShared(db.sqlite)).toBe(false);
    markShared(db.sqlite, new Date(NOW), null);
    markShared(db.sqlite, new Date(NOW), null);
    expect(isMarkedShared(db.sqlite)).toBe(true);
    expect(db.sqlite.prepare('select count(*) from database_sharing').pluck().get()).toBe(1);
    expect(() => db.sqlite.prepare('insert into database_sharing (id, shared_at) values (2, ?)').run(NOW)).toThrow(/CHECK/);
  });

  it('keeps one presence row per instance', () => {
    const insert = db.sqlite.prepare('insert into presence (instance_id, member_id, machine, opened_at, last_seen_at) values (?, null, ?, ?, ?)');
    insert.run('instans-1234', 'PC-1', NOW, NOW);
    expect(() => insert.run('instans-1234', 'PC-2', NOW, NOW)).toThrow(/UNIQUE|PRIMARY/);
    expect(() => insert.run('kort', 'PC-2', NOW, NOW)).toThrow(/CHECK/);
    expect(() => db.sqlite.prepare("insert into presence values ('instans-5678', 9999, 'PC', ?, ?)").run(NOW, NOW)).toThrow(/FOREIGN KEY/);
  });

  it('lets only one instance claim a day', () => {
    const claim = db.sqlite.prepare('insert into daily_backup_claims (day, instance_id, claimed_at) values (?, ?, ?)');
    claim.run('2021-01-10', 'instans-1', NOW);
    expect(() => claim.run('2021-01-10', 'instans-2', NOW)).toThrow(/UNIQUE|PRIMARY/);
    expect(() => claim.run('10.01.2021x', 'instans-2', NOW)).toThrow(/CHECK/);
  });
});
