import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { MIGRATIONS } from '../../electron/db/migrations';

/**
 * The schema part of a cached file's name: how many migrations and a hash of all their names. Not the
 * latest name alone: with unordered migrations allowed, one numbered below the latest can land later
 * (0015 after 0016) and must still give a fresh file.
 */
export function schemaKey(migrationNames: readonly string[] = Object.keys(MIGRATIONS)): string {
  const names = [...migrationNames].sort();
  return `m${names.length}-${createHash('sha256').update(names.join('\n')).digest('hex').slice(0, 8)}`;
}

/**
 * A benchmark database built once and kept: `build` runs only when `path` is missing. It builds under a
 * temporary name and renames when complete, so an interrupted build is never mistaken for a cache. Older
 * files with the same `prefix` (another schema or generator version) are removed: they are never read
 * again and can be large. Returns how long the build took, or null when the cache was used.
 */
export async function ensureCachedDatabase(
  path: string,
  prefix: string,
  build: (buildingPath: string) => Promise<void>,
): Promise<{ path: string; buildMs: number | null }> {
  if (existsSync(path)) return { path, buildMs: null };
  if (!basename(path).startsWith(prefix)) throw new Error(`${basename(path)} does not start with ${prefix}`);
  const folder = dirname(path);
  mkdirSync(folder, { recursive: true });
  const building = `${path}.${process.pid}.tmp`;
  const start = performance.now();
  try {
    await build(building);
    renameSync(building, path);
    for (const name of readdirSync(folder)) {
      const file = join(folder, name);
      if (name.startsWith(prefix) && !file.startsWith(path)) rmSync(file, { force: true });
    }
  } finally {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${building}${suffix}`, { force: true });
  }
  return { path, buildMs: performance.now() - start };
}
