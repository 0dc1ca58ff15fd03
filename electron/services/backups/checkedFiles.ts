import { statSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Backup files whose full `integrity_check` passed in this process, each with the file's identity at
 * that moment (device, inode, size, modification time to the nanosecond). A new backup is checked
 * before it is kept; listing it straight after, or again on every visit to the backup page, would read
 * the whole file once more (on a 2.5 GB file, as long as the copy itself). A file that was replaced,
 * rewritten or touched since no longer matches and is checked afresh. Kept in memory only: a restart,
 * another PC, or a restore (which never relies on this) checks again.
 */
const passed = new Map<string, string>();

function identity(path: string): string | null {
  try {
    const stat = statSync(path, { bigint: true });
    return `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeNs}`;
  } catch {
    return null;
  }
}

/** Records that the file at `path`, as it is now, passed the full check. */
export function rememberPassedCheck(path: string): void {
  const now = identity(path);
  if (now) passed.set(resolve(path), now);
}

/** True when the file at `path` passed the full check in this process and is unchanged since. */
export function passedCheckUnchanged(path: string): boolean {
  const before = passed.get(resolve(path));
  return before !== undefined && before === identity(path);
}
