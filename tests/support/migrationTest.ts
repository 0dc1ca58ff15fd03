import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { MIGRATIONS } from '../../electron/db/migrations';
import type { AppDatabase } from '../../electron/db/open';
import { makeTempDir } from './testDatabase';

/** The migrations listed before `number` (e.g. '0018'): opening with these gives the schema the migration upgrades. */
export function migrationsBefore(number: string): typeof MIGRATIONS {
  return Object.fromEntries(Object.entries(MIGRATIONS).filter(([name]) => name < number));
}

/**
 * A fresh temporary database path for each test of a migration's file; the database the test opened
 * (set `db`) is closed and the folder removed after it.
 */
export function migrationTestFile(fileName: string): { readonly dir: string; readonly path: string; db: AppDatabase | undefined } {
  let temp: ReturnType<typeof makeTempDir>;
  const state = {
    get dir() {
      return temp.dir;
    },
    get path() {
      return join(temp.dir, fileName);
    },
    db: undefined as AppDatabase | undefined,
  };
  beforeEach(() => {
    temp = makeTempDir();
    state.db = undefined;
  });
  afterEach(() => {
    state.db?.close();
    temp.cleanup();
  });
  return state;
}
