import { lstatSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** «Åpne i Word» writes each copy into a fresh folder under the temp folder with this prefix. */
export const TEMPLATE_COPY_PREFIX = 'ettervern-mal-';

/**
 * Word keeps an owner file `~$name.docx` beside a document while it is open, LibreOffice `.~lock.name#`.
 * Either means the copy is in use and must stay.
 */
function inUse(folder: string): boolean {
  try {
    return readdirSync(folder).some((name) => name.startsWith('~$') || name.startsWith('.~lock.'));
  } catch {
    return false;
  }
}

/** Writes the copy into a new private folder; `wx` so nothing already there (or a link) is written through. */
export function createTemplateCopy(fileName: string, content: Buffer, tempDir = tmpdir()): string {
  const path = join(mkdtempSync(join(tempDir, TEMPLATE_COPY_PREFIX)), fileName);
  writeFileSync(path, content, { flag: 'wx', mode: 0o600 });
  return path;
}

function removeFolder(folder: string): boolean {
  try {
    rmSync(folder, { recursive: true, force: true });
    return true;
  } catch {
    // Windows refuses to delete a file another program holds open: it is tried again at the next start.
    return false;
  }
}

/** Removes a copy nothing opened (the open failed). */
export function discardTemplateCopy(path: string): void {
  removeFolder(dirname(path));
}

/**
 * Removes the copies earlier sessions left behind (run at start-up): every `ettervern-mal-*` folder that is
 * a real folder (never a link followed elsewhere), not in use by Word and not just made. Returns how many
 * were removed and kept.
 */
export function removeTemplateCopies(tempDir = tmpdir(), minAgeMs = 60_000): { removed: number; kept: number } {
  let removed = 0;
  let kept = 0;
  let names: string[];
  try {
    names = readdirSync(tempDir).filter((name) => name.startsWith(TEMPLATE_COPY_PREFIX));
  } catch {
    return { removed, kept };
  }
  for (const name of names) {
    const folder = join(tempDir, name);
    let stats;
    try {
      stats = lstatSync(folder);
    } catch {
      continue;
    }
    if (!stats.isDirectory()) continue;
    // A copy made in the last minute may belong to another running instance that is opening it right now.
    if (Date.now() - stats.mtimeMs < minAgeMs) {
      kept += 1;
      continue;
    }
    if (!inUse(folder) && removeFolder(folder)) removed += 1;
    else kept += 1;
  }
  return { removed, kept };
}

export interface WatchOptions {
  intervalMs?: number;
  /** Without a lock ever seen (a program that keeps no owner file), stop watching: the next start removes it. */
  giveUpMs?: number;
}

/**
 * Removes the copy's folder once Word has closed it: the owner file has appeared and gone again. The
 * timer never keeps the process alive; whatever is still there when it stops is swept at the next start.
 */
export function removeWhenClosed(path: string, options: WatchOptions = {}): { stop(): void } {
  const folder = dirname(path);
  const intervalMs = options.intervalMs ?? 5_000;
  const giveUpAt = Date.now() + (options.giveUpMs ?? 10 * 60_000);
  let sawLock = false;
  const timer = setInterval(() => {
    const locked = inUse(folder);
    if (locked) sawLock = true;
    else if (sawLock) {
      clearInterval(timer);
      removeFolder(folder);
    } else if (Date.now() > giveUpAt) clearInterval(timer);
  }, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
