import { copyFileSync, existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { openDatabase } from '../../electron/db/open';

/**
 * The newest other cached file in `path`'s folder that starts with `prefix` and ends like `path` (same
 * scale, same generator version, another schema), or null. Schema keys are hashes, so «newest» is by
 * modification time.
 */
export function olderCachedFile(path: string, prefix: string, ending: string): string | null {
  const folder = dirname(path);
  if (!existsSync(folder)) return null;
  const candidates = readdirSync(folder)
    .filter((name) => name.startsWith(prefix) && name.endsWith(ending) && name !== basename(path))
    .map((name) => join(folder, name))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  return candidates[0] ?? null;
}

/**
 * Copies `older` to `building` and runs the migrations it lacks, as the app does when it opens an older
 * file: minutes for a 10M file instead of tens of minutes for a new build, and the same data, since each
 * migration's backfill gives what its triggers would have kept. False (and nothing left at `building`)
 * when the file cannot be upgraded, e.g. it was made by a branch with a migration this one lacks.
 */
export async function upgradeCachedCopy(older: string, building: string, log: (line: string) => void): Promise<boolean> {
  const beforeMigrating = `${building}.foer-migrering`;
  try {
    copyFileSync(older, building);
    // A WAL with frames holds committed pages the main file lacks yet.
    if (existsSync(`${older}-wal`) && statSync(`${older}-wal`).size > 0) copyFileSync(`${older}-wal`, `${building}-wal`);
    const db = await openDatabase(building, { backupPath: () => beforeMigrating, upgradeDespiteOthers: true });
    db.close();
    return true;
  } catch (error) {
    log(`Kunne ikke oppgradere ${basename(older)} (${error instanceof Error ? error.message : String(error)}); bygger på nytt.`);
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${building}${suffix}`, { force: true });
    return false;
  } finally {
    rmSync(beforeMigrating, { force: true });
  }
}
