import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/open';
import { describeDatabaseOpenFailure, STARTUP_FAILURE_TITLE } from '../../electron/main/startupErrors';
import { makeTempDir } from '../support/testDatabase';

async function failureOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return describeDatabaseOpenFailure(error);
  }
  throw new Error('openDatabase should have failed');
}

describe('describeDatabaseOpenFailure (on real databases)', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir('ettervern-startup-');
  });
  afterEach(() => temp.cleanup());

  it('passes on the Norwegian message for a database from a newer Ettervern', async () => {
    const path = join(temp.dir, 'ettervern.sqlite');
    (await openDatabase(path)).close();
    const sqlite = new Database(path);
    sqlite.prepare("insert into kysely_migration (name, timestamp) values ('9999-from-the-future', '2030-01-01T00:00:00.000Z')").run();
    sqlite.close();

    const failure = await failureOf(openDatabase(path));
    expect(failure.title).toBe(STARTUP_FAILURE_TITLE);
    expect(failure.message).toMatch(/nyere versjon av Ettervern/);
    expect(failure.log).toEqual({ event: 'database-open-failed', errorName: 'DatabaseOpenError', kind: 'newer-version' });
  });

  it('explains a file that is not a database', async () => {
    const path = join(temp.dir, 'tekst.sqlite');
    writeFileSync(path, 'Dette er et vanlig dokument, ikke en database. '.repeat(100));
    const failure = await failureOf(openDatabase(path));
    expect(failure.message).toBe('Filen er ikke en Ettervern-database');
    expect(failure.log.kind).toBe('not-a-database');
  });

  it('explains a path SQLite cannot open, and logs only the code', async () => {
    const folder = join(temp.dir, 'Sørfold');
    mkdirSync(folder);
    const failure = await failureOf(openDatabase(folder));
    expect(failure.message).toMatch(/kunne ikke åpnes.*skrivetilgang/);
    expect(failure.log).toEqual({ event: 'database-open-failed', errorName: 'SqliteError', sqliteCode: 'SQLITE_CANTOPEN' });
    expect(JSON.stringify(failure)).not.toContain('Sørfold');
  });
});

describe('describeDatabaseOpenFailure (other errors)', () => {
  it('never shows or logs the message of an unknown error', () => {
    const error = Object.assign(new Error('Cannot open /home/ansatt/02-20-ST.sqlite'), { code: 'ERR_SOMETHING' });
    const failure = describeDatabaseOpenFailure(error);
    expect(JSON.stringify(failure)).not.toContain('02-20-ST');
    expect(failure.message).toMatch(/Databasen kunne ikke åpnes/);
    expect(failure.log).toEqual({ event: 'database-open-failed', errorName: 'Error' });
  });

  it('recognises a native module built for the wrong runtime', () => {
    const failure = describeDatabaseOpenFailure(Object.assign(new Error('was compiled against NODE_MODULE_VERSION 115'), { code: 'ERR_DLOPEN_FAILED' }));
    expect(failure.message).toMatch(/Databasemodulen/);
  });

  it('handles things that are not errors', () => {
    expect(describeDatabaseOpenFailure('streng').log.errorName).toBe('string');
  });
});
