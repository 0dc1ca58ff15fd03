import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PREFIX = 'ettervern-import-';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Folders left by a process that was killed before it could clean up (a crash, a power cut): named with
 * the owner's process id, so a folder whose owner is gone is removed and a running import's is left alone.
 */
function removeAbandoned(root: string): void {
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(PREFIX)) continue;
    const pid = Number(name.slice(PREFIX.length).split('-')[0]);
    if (Number.isInteger(pid) && pid !== process.pid && !isRunning(pid)) rmSync(join(root, name), { recursive: true, force: true });
  }
}

/**
 * A private temp folder for one import job. The worker gets it as its TMPDIR, so anything a library in the
 * worker writes (sheet XML holds real hours) lands here, and `remove` deletes it all once the worker has exited.
 */
export function createJobFolder(root = tmpdir()): { path: string; remove: () => void } {
  removeAbandoned(root);
  const path = mkdtempSync(join(root, `${PREFIX}${process.pid}-`));
  return { path, remove: () => rmSync(path, { recursive: true, force: true, maxRetries: 3 }) };
}
