import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sql, type Migration } from 'kysely';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DatabaseOpenError } from '../../electron/db/errors';
import { LATEST_MIGRATION, MIGRATIONS } from '../../electron/db/migrations';

const ALL_MIGRATIONS = Object.keys(MIGRATIONS);
import { openDatabase } from '../../electron/db/open';
import { markShared } from '../../electron/db/sharing';
import { makeTempDir } from '../support/testDatabase';

let temp: ReturnType<typeof makeTempDir>;
let path: string;

beforeEach(() => {
  temp = makeTempDir();
  path = join(temp.dir, 'ettervern.sqlite');
});

afterEach(() => temp.cleanup());

const addedTable: Migration = {
  up: async (db) => {
    await db.schema
      .createTable('extra_notes')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .execute();
  },
};

const brokenHalfway: Migration = {
  up: async (db) => {
    await db.schema
      .createTable('half_done')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .execute();
    await sql`insert into team_members (username, display_name, initials, role, created_at) values ('ghost', 'G', 'GG', 'teammedlem', 'x')`.execute(db);
    throw new Error('simulated failure');
  },
};

/** A database holding one team member, closed again. */
async function databaseWithData(): Promise<void> {
  const db = await openDatabase(path);
  db.sqlite
    .prepare(
      `insert into team_members (username, display_name, initials, role, created_at) values ('marit', 'Marit Solvang', 'MS', 'administrator', '2020-01-01T00:00:00Z')`,
    )
    .run();
  db.close();
}

function usernames(sqlite: Database.Database): string[] {
  return (sqlite.prepare('select username from team_members order by username').all() as { username: string }[]).map((r) => r.username);
}

function appliedMigrations(sqlite: Database.Database): string[] {
  return (sqlite.prepare('select name from kysely_migration order by name').all() as { name: string }[]).map((r) => r.name);
}

function hasTable(sqlite: Database.Database, name: string): boolean {
  return sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = ?").get(name) !== undefined;
}

async function openError(promise: Promise<unknown>): Promise<DatabaseOpenError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DatabaseOpenError);
  return error as DatabaseOpenError;
}

describe('openDatabase', () => {
  it('migrates a new file and opens it again without migrating or backing up', async () => {
    await databaseWithData();
    const backupPath = vi.fn((current: string) => join(temp.dir, `backup-${current}.sqlite`));
    const db = await openDatabase(path, { backupPath });
    expect(appliedMigrations(db.sqlite)).toEqual(Object.keys(MIGRATIONS));
    expect(usernames(db.sqlite)).toEqual(['marit']);
    expect((db.sqlite.prepare('select count(*) as n from municipalities').get() as { n: number }).n).toBe(11);
    db.close();
    expect(backupPath).not.toHaveBeenCalled();

    const again = await openDatabase(path, { backupPath });
    expect(appliedMigrations(again.sqlite)).toEqual(Object.keys(MIGRATIONS));
    expect((again.sqlite.prepare('select count(*) as n from municipalities').get() as { n: number }).n).toBe(11);
    again.close();
  });

  it('refuses a database from a newer Ettervern and leaves the file as it was', async () => {
    await databaseWithData();
    const sqlite = new Database(path);
    sqlite.prepare("insert into kysely_migration (name, timestamp) values ('9999-from-the-future', '2030-01-01T00:00:00.000Z')").run();
    sqlite.close();
    const before = readFileSync(path);

    const error = await openError(openDatabase(path));
    expect(error.kind).toBe('newer-version');
    expect(error.message).toMatch(/nyere versjon av Ettervern/);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('refuses a newer database in rollback-journal mode without switching it to WAL', async () => {
    // A file last written on a network share uses the classic journal; refusing it must not convert it.
    await databaseWithData();
    const sqlite = new Database(path);
    sqlite.pragma('journal_mode = DELETE');
    sqlite.prepare("insert into kysely_migration (name, timestamp) values ('9999-from-the-future', '2030-01-01T00:00:00.000Z')").run();
    sqlite.close();
    const before = readFileSync(path);

    const error = await openError(openDatabase(path));
    expect(error.kind).toBe('newer-version');
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it('backs up a database that holds data before migrating it', async () => {
    await databaseWithData();
    const backupFile = join(temp.dir, 'backup.sqlite');
    const backupPath = vi.fn(() => backupFile);

    const db = await openDatabase(path, { migrations: { ...MIGRATIONS, '9990-extra-notes': addedTable }, backupPath });
    expect(backupPath).toHaveBeenCalledTimes(1);
    expect(backupPath).toHaveBeenCalledWith(LATEST_MIGRATION);
    expect(hasTable(db.sqlite, 'extra_notes')).toBe(true);
    expect(appliedMigrations(db.sqlite)).toEqual([...ALL_MIGRATIONS, '9990-extra-notes']);
    db.close();

    const backup = new Database(backupFile, { readonly: true, fileMustExist: true });
    expect(usernames(backup)).toEqual(['marit']);
    expect(appliedMigrations(backup)).toEqual(ALL_MIGRATIONS);
    expect(hasTable(backup, 'extra_notes')).toBe(false);
    backup.close();

    // The backup is a database this version of Ettervern opens as it is.
    const reopened = await openDatabase(backupFile);
    expect(usernames(reopened.sqlite)).toEqual(['marit']);
    reopened.close();
  });

  it('writes the default backup beside the file', async () => {
    await databaseWithData();
    const db = await openDatabase(path, { migrations: { ...MIGRATIONS, '9990-extra-notes': addedTable } });
    db.close();
    const backups = readdirSync(temp.dir).filter((f) => f.includes(`før-oppgradering-${LATEST_MIGRATION}`) && f.endsWith('.sqlite'));
    expect(backups).toHaveLength(1);
    const backup = new Database(join(temp.dir, backups[0]!), { readonly: true });
    expect(usernames(backup)).toEqual(['marit']);
    backup.close();
  });

  it('migrates a brand-new database without a backup', async () => {
    const backupPath = vi.fn(() => join(temp.dir, 'backup.sqlite'));
    const db = await openDatabase(path, { migrations: { ...MIGRATIONS, '9990-extra-notes': addedTable }, backupPath });
    expect(appliedMigrations(db.sqlite)).toEqual([...ALL_MIGRATIONS, '9990-extra-notes']);
    db.close();
    expect(backupPath).not.toHaveBeenCalled();
    expect(readdirSync(temp.dir).filter((f) => !f.startsWith('ettervern.sqlite'))).toEqual([]);
  });

  it('rolls a failed migration back completely, so the next start can try again', async () => {
    await databaseWithData();
    const migrations = { ...MIGRATIONS, '9990-broken': brokenHalfway };
    const backupFile = join(temp.dir, 'backup.sqlite');

    const error = await openError(openDatabase(path, { migrations, backupPath: () => backupFile }));
    expect(error.kind).toBe('migration-failed');
    expect(error.message).toMatch(/Oppgradering av databasen feilet/);
    expect(existsSync(backupFile)).toBe(true);

    const db = await openDatabase(path);
    expect(hasTable(db.sqlite, 'half_done')).toBe(false);
    expect(usernames(db.sqlite)).toEqual(['marit']);
    expect(appliedMigrations(db.sqlite)).toEqual(ALL_MIGRATIONS);
    db.close();
  });

  it('leaves a brand-new file empty when its first migration fails', async () => {
    const failingFirst: Migration = {
      up: async (db) => {
        await MIGRATIONS['0001-initial']!.up(db);
        throw new Error('simulated failure');
      },
    };
    const error = await openError(openDatabase(path, { migrations: { '0001-initial': failingFirst } }));
    expect(error.kind).toBe('migration-failed');

    const db = await openDatabase(path);
    expect(appliedMigrations(db.sqlite)).toEqual(ALL_MIGRATIONS);
    expect((db.sqlite.prepare('select count(*) as n from categories').get() as { n: number }).n).toBe(10);
    db.close();
  });

  it('refuses a file that is not a database, in Norwegian, and leaves it alone', async () => {
    writeFileSync(path, 'Dette er ikke en database. '.repeat(200));
    const before = readFileSync(path);
    const error = await openError(openDatabase(path));
    expect(error.kind).toBe('not-a-database');
    expect(error.message).toBe('Filen er ikke en Ettervern-database');
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('uses WAL on a local file and never on a shared or remote one: no -wal file, header bytes 18-19 are 1/1', async () => {
    const local = await openDatabase(path);
    expect(local.shared).toBe(false);
    expect(local.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    local.close();
    expect([...readFileSync(path).subarray(18, 20)]).toEqual([2, 2]);

    const remote = await openDatabase(path, { remote: true });
    expect(remote.shared).toBe(true);
    expect(remote.sqlite.pragma('journal_mode', { simple: true })).toBe('delete');
    markShared(remote.sqlite, new Date(), null);
    remote.sqlite.prepare("insert into presence values ('instans-1234', null, 'PC-1', 'x', 'x')").run();
    expect(existsSync(`${path}-wal`)).toBe(false);
    remote.close();
    expect([...readFileSync(path).subarray(18, 20)]).toEqual([1, 1]);

    // Marked shared inside the file: rollback journal even on a path that looks local.
    const shared = await openDatabase(path);
    expect(shared.shared).toBe(true);
    expect(shared.sqlite.pragma('journal_mode', { simple: true })).toBe('delete');
    shared.sqlite.prepare('delete from presence').run();
    expect(existsSync(`${path}-wal`)).toBe(false);
    shared.close();
    expect([...readFileSync(path).subarray(18, 20)]).toEqual([1, 1]);
  });
});
