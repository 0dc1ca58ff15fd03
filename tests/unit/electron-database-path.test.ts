import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseFlagValue, resolveDatabasePath } from '../../electron/main/databasePath';

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
