import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/open';
import { LATEST_MIGRATION } from '../../electron/db/migrations';
import { olderCachedFile, upgradeCachedCopy } from '../bench/upgradeCachedDatabase';
import { migrationsBefore } from '../support/migrationTest';
import { makeTempDir } from '../support/testDatabase';

/** A bench cache of the schema before a new migration is upgraded by migrating a copy, not rebuilt. */
let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.cleanup());

const NOW = '2021-06-15T10:00:00.000Z';
const noLog = () => undefined;

async function olderFile(name: string): Promise<string> {
  const path = join(temp.dir, name);
  const db = await openDatabase(path, { migrations: migrationsBefore('0017') });
  const caseId = db.sqlite
    .prepare(
      "insert into cases (code, municipality_id, year, running_number, status, created_at, updated_at) values ('01/21-T', 1, 2021, 1, 'oppfolging', ?, ?)",
    )
    .run(NOW, NOW).lastInsertRowid;
  db.sqlite
    .prepare(
      "insert into time_entries (entry_date, case_id, municipality_id, category_id, minutes, source, created_at, updated_at) values ('2021-03-02', ?, 1, 1, 90, 'manual', ?, ?)",
    )
    .run(caseId, NOW, NOW);
  db.close();
  return path;
}

describe('upgrading a cached bench database', () => {
  it('finds the older file of the same scale and generator, and migrates a copy of it', async () => {
    const older = await olderFile('bench-5-m16-aaaaaaaa-g3.sqlite');
    await olderFile('bench-5-m16-aaaaaaaa-g2.sqlite');
    await olderFile('bench-6-m16-aaaaaaaa-g3.sqlite');
    const target = join(temp.dir, 'bench-5-m18-bbbbbbbb-g3.sqlite');
    expect(olderCachedFile(target, 'bench-5-', '-g3.sqlite')).toBe(older);

    const building = `${target}.tmp`;
    expect(await upgradeCachedCopy(older, building, noLog)).toBe(true);
    const db = await openDatabase(building, { readonly: true });
    try {
      expect(db.sqlite.prepare('select max(name) from kysely_migration').pluck().get()).toBe(LATEST_MIGRATION);
      // The backfill of 0017 ran on the copied entries.
      expect(db.sqlite.prepare('select logged_minutes from cases').pluck().get()).toBe(90);
    } finally {
      db.close();
    }
    // The older file is untouched, and no backup taken before migrating is left behind.
    const untouched = await openDatabase(older, { readonly: true, migrations: migrationsBefore('0017') });
    expect(untouched.sqlite.prepare('select max(name) from kysely_migration').pluck().get()).toBe('0016-entry-municipality-reason');
    untouched.close();
    expect(readdirSync(temp.dir).filter((name) => name.includes('foer-migrering'))).toEqual([]);
  });

  it('gives up and leaves nothing behind when the older file cannot be upgraded', async () => {
    const older = join(temp.dir, 'bench-5-m99-cccccccc-g3.sqlite');
    const db = await openDatabase(older);
    db.sqlite.prepare("insert into kysely_migration (name, timestamp) values ('9999-from-another-branch', ?)").run(NOW);
    db.close();
    const building = join(temp.dir, 'bench-5-m18-bbbbbbbb-g3.sqlite.tmp');
    expect(await upgradeCachedCopy(older, building, noLog)).toBe(false);
    expect(existsSync(building)).toBe(false);
  });

  it('finds nothing when there is no older file', () => {
    expect(olderCachedFile(join(temp.dir, 'bench-5-m18-bbbbbbbb-g3.sqlite'), 'bench-5-', '-g3.sqlite')).toBeNull();
  });
});
