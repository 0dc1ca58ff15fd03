import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../electron/db/migrations';
import { POSTGRES_MIGRATIONS } from '../../electron/db/postgres/migrations';
import { schemaKey } from '../bench/cachedDatabase';
import { benchServerFolderName } from '../bench/postgresBenchServer';

describe('bench cache key', () => {
  const names = Object.keys(MIGRATIONS);

  it('is the same for the same migrations in any order', () => {
    expect(schemaKey([...names].reverse())).toBe(schemaKey(names));
  });

  it('changes when a migration numbered below the latest lands later', () => {
    const withoutMiddle = names.filter((name) => name !== '0015-after-contact-not-possible');
    expect(withoutMiddle.length).toBe(names.length - 1);
    // The latest name is the same in both lists; only the key over all names tells them apart.
    expect([...withoutMiddle].sort().at(-1)).toBe([...names].sort().at(-1));
    expect(schemaKey(withoutMiddle)).not.toBe(schemaKey(names));
  });

  it('is the key of every migration the app has by default', () => {
    expect(schemaKey()).toBe(schemaKey(names));
  });
});

describe('the cached bench server folder', () => {
  const sqlite = '/cache/bench-1000000-m17-b8cc4e04-g3.sqlite';
  const names = Object.keys(POSTGRES_MIGRATIONS);

  it('is named by the SQLite file it was copied from, every PostgreSQL migration and the server major version', () => {
    const name = benchServerFolderName(sqlite, 15, names);
    expect(name).toBe(`pg-bench-1000000-m17-b8cc4e04-g3-${schemaKey(names)}-v15`);
    expect(benchServerFolderName(sqlite, 15)).toBe(name);
  });

  it('changes with another SQLite file, a PostgreSQL migration more or another major version', () => {
    const name = benchServerFolderName(sqlite, 15, names);
    expect(benchServerFolderName('/cache/bench-1000000-m18-cccccccc-g3.sqlite', 15, names)).not.toBe(name);
    expect(benchServerFolderName(sqlite, 15, [...names, '0020-bench-index'])).not.toBe(name);
    expect(benchServerFolderName(sqlite, 16, names)).not.toBe(name);
  });
});
