import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  argumentsWithDatabase,
  databaseFlagValue,
  readRememberedDatabasePath,
  rememberDatabasePath,
  REMEMBERED_PATH_FILE,
  resolveDatabasePath,
} from '../../electron/main/databasePath';

const base = { userDataDir: '/home/ansatt/.config/Ettervern', cwd: '/srv/arbeid' };

describe('resolveDatabasePath', () => {
  it('defaults to ettervern.sqlite in the user-data folder', () => {
    expect(resolveDatabasePath({ ...base, argv: ['electron', '.'], env: {} })).toEqual({
      path: join(base.userDataDir, 'ettervern.sqlite'),
      source: 'default',
    });
  });

  it('uses ETTERVERN_DB when no flag is given, relative to the working folder', () => {
    expect(resolveDatabasePath({ ...base, argv: ['electron', '.'], env: { ETTERVERN_DB: 'data/team.sqlite' } })).toEqual({
      path: resolve(base.cwd, 'data/team.sqlite'),
      source: 'env',
    });
    expect(resolveDatabasePath({ ...base, argv: [], env: { ETTERVERN_DB: '/mnt/felles/ettervern.sqlite' } }).path).toBe('/mnt/felles/ettervern.sqlite');
  });

  it('ignores an empty or blank ETTERVERN_DB', () => {
    expect(resolveDatabasePath({ ...base, argv: [], env: { ETTERVERN_DB: '  ' } }).source).toBe('default');
  });

  it('lets --db=PATH and --db PATH win over the environment', () => {
    const env = { ETTERVERN_DB: '/fra/miljo.sqlite' };
    expect(resolveDatabasePath({ ...base, argv: ['app', '--db=/fra/flagg.sqlite'], env })).toEqual({ path: '/fra/flagg.sqlite', source: 'flag' });
    expect(resolveDatabasePath({ ...base, argv: ['app', '--db', '/fra/flagg2.sqlite'], env })).toEqual({ path: '/fra/flagg2.sqlite', source: 'flag' });
    expect(resolveDatabasePath({ ...base, argv: ['app', '--db=lokal.sqlite'], env }).path).toBe(resolve(base.cwd, 'lokal.sqlite'));
  });

  it('keeps spaces and æøå in paths', () => {
    expect(resolveDatabasePath({ ...base, argv: ['app', '--db', '/data/Tjenester for rus/Sørfold.sqlite'], env: {} }).path).toBe(
      '/data/Tjenester for rus/Sørfold.sqlite',
    );
  });
});

describe('databaseFlagValue', () => {
  it('takes the last occurrence', () => {
    expect(databaseFlagValue(['--db=a.sqlite', '--db', 'b.sqlite'])).toBe('b.sqlite');
  });

  it('does not take the next flag as a value, nor an empty value', () => {
    expect(databaseFlagValue(['--db', '--inspect'])).toBeNull();
    expect(databaseFlagValue(['--db'])).toBeNull();
    expect(databaseFlagValue(['--db='])).toBeNull();
  });

  it('does not confuse similar flags', () => {
    expect(databaseFlagValue(['--dbx=a.sqlite', '--db-path', 'b.sqlite'])).toBeNull();
  });

  it('stops at --', () => {
    expect(databaseFlagValue(['--', '--db=a.sqlite'])).toBeNull();
  });
});

describe('the path this PC remembers', () => {
  it('comes after the flag and ETTERVERN_DB, before the user-data folder', () => {
    const remembered = '/mnt/felles/Ettervern/ettervern.sqlite';
    expect(resolveDatabasePath({ ...base, argv: [], env: {}, remembered })).toEqual({ path: remembered, source: 'remembered' });
    expect(resolveDatabasePath({ ...base, argv: [], env: { ETTERVERN_DB: '/fra/miljo.sqlite' }, remembered }).source).toBe('env');
    expect(resolveDatabasePath({ ...base, argv: ['app', '--db=/fra/flagg.sqlite'], env: {}, remembered }).source).toBe('flag');
    expect(resolveDatabasePath({ ...base, argv: [], env: {}, remembered: null }).source).toBe('default');
  });

  it('is ignored when it is not an absolute path', () => {
    expect(resolveDatabasePath({ ...base, argv: [], env: {}, remembered: 'relativ.sqlite' }).source).toBe('default');
  });

  it('is written so it can be read back, and a missing or broken file reads as none', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ettervern-remembered-'));
    try {
      expect(readRememberedDatabasePath(dir)).toBeNull();
      const path = resolve('/Tjenester for rus/Sørfold/ettervern.sqlite');
      rememberDatabasePath(dir, path);
      expect(readRememberedDatabasePath(dir)).toBe(path);
      expect(readdirSync(dir)).toEqual([REMEMBERED_PATH_FILE]);
      writeFileSync(join(dir, REMEMBERED_PATH_FILE), '{"path": ');
      expect(readRememberedDatabasePath(dir)).toBeNull();
      writeFileSync(join(dir, REMEMBERED_PATH_FILE), '{"path": 42}');
      expect(readRememberedDatabasePath(dir)).toBeNull();
      writeFileSync(join(dir, REMEMBERED_PATH_FILE), '{"path": "relativ.sqlite"}');
      expect(readRememberedDatabasePath(dir)).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('argumentsWithDatabase', () => {
  it('replaces every --db with the new path and keeps the rest in order', () => {
    expect(argumentsWithDatabase(['.', '--db', '/gammel.sqlite', '--inspect', '--db=/eldre.sqlite'], '/ny.sqlite')).toEqual([
      '.',
      '--inspect',
      '--db=/ny.sqlite',
    ]);
    expect(argumentsWithDatabase([], 'S:\\Felles\\ettervern.sqlite')).toEqual(['--db=S:\\Felles\\ettervern.sqlite']);
  });

  it('puts the flag before --, where it is still read', () => {
    const args = argumentsWithDatabase(['.', '--', '--db=/etter.sqlite'], '/ny.sqlite');
    expect(args).toEqual(['.', '--db=/ny.sqlite', '--', '--db=/etter.sqlite']);
    expect(databaseFlagValue(args)).toBe('/ny.sqlite');
  });

  it('keeps a following flag when --db had no value', () => {
    expect(argumentsWithDatabase(['--db', '--inspect'], '/ny.sqlite')).toEqual(['--inspect', '--db=/ny.sqlite']);
  });
});
