import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createHash, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { AUDIT_ACTIONS, type AuditAction, type AuditRecordType } from '@shared/domain/audit';

/**
 * Audit rows that could not be written because the database is read-only (another PC holds the lease,
 * recovery mode, or a file the user may not write). Accountability must not stop with writing: the row
 * is kept in memory and appended to a side file beside the database (or, when that folder is not
 * writable, in this PC's user-data folder), and merged into the audit log the next time a writer opens
 * the database. Nothing here holds a value: the same columns as an audit row, names only.
 */
export interface PendingAuditEntry {
  /** Random, so the same line read from the side file and from memory counts once. */
  key: string;
  at: string;
  actorId: number | null;
  action: AuditAction;
  recordType: AuditRecordType;
  recordId: string | null;
  /** Sorted field names as JSON, as audit_log.fields holds them. */
  fields: string;
}

/** Where a read-only instance writes its lines: beside the database, so any PC that can write will merge them. */
export function pendingAuditPath(databasePath: string): string {
  return `${databasePath}.revisjon-venter.jsonl`;
}

/** This PC's fallback when the database's folder refuses writes; named by the database so two never mix. */
export function fallbackPendingAuditPath(userDataDir: string, databasePath: string): string {
  const id = createHash('sha256').update(databasePath, 'utf8').digest('hex').slice(0, 16);
  return join(userDataDir, 'revisjon-venter', `${id}.jsonl`);
}

/** In memory per database file, so the lockout holds even where no side file can be written at all. */
const memory = new Map<string, PendingAuditEntry[]>();

export interface PendingAuditLocation {
  databasePath: string;
  userDataDir?: string | undefined;
}

function candidateFiles(location: PendingAuditLocation): string[] {
  // An in-memory stand-in (recovery of a file too damaged to open) has no folder to write beside.
  const files = location.databasePath === ':memory:' || location.databasePath === '' ? [] : [pendingAuditPath(location.databasePath)];
  if (location.userDataDir) files.push(fallbackPendingAuditPath(location.userDataDir, location.databasePath));
  return files;
}

/** Keeps the entry in memory and appends it to the first side file that accepts it. */
export function appendPendingAudit(location: PendingAuditLocation, entry: Omit<PendingAuditEntry, 'key'>): PendingAuditEntry {
  const full: PendingAuditEntry = { key: randomUUID(), ...entry };
  const list = memory.get(location.databasePath) ?? [];
  list.push(full);
  memory.set(location.databasePath, list);
  const line = `${JSON.stringify(full)}\n`;
  for (const file of candidateFiles(location)) {
    try {
      mkdirSync(join(file, '..'), { recursive: true });
      appendFileSync(file, line, { encoding: 'utf8', mode: 0o600 });
      break;
    } catch {
      // A read-only folder or share: try the next place; memory still has the entry.
    }
  }
  return full;
}

const ACTIONS: ReadonlySet<string> = new Set(AUDIT_ACTIONS);

/** Lines that do not look like ours are skipped: the file sits in a shared folder anyone can edit. */
function parseLine(line: string): PendingAuditEntry | null {
  try {
    const value = JSON.parse(line) as Partial<PendingAuditEntry>;
    if (typeof value.key !== 'string' || typeof value.at !== 'string' || Number.isNaN(Date.parse(value.at))) return null;
    if (typeof value.action !== 'string' || !ACTIONS.has(value.action) || typeof value.recordType !== 'string') return null;
    if (value.actorId !== null && !Number.isInteger(value.actorId)) return null;
    if (value.recordId !== null && typeof value.recordId !== 'string') return null;
    if (typeof value.fields !== 'string') return null;
    const fields: unknown = JSON.parse(value.fields);
    if (!Array.isArray(fields) || !fields.every((field) => typeof field === 'string')) return null;
    return value as PendingAuditEntry;
  } catch {
    return null;
  }
}

function readFile(file: string): PendingAuditEntry[] {
  if (!existsSync(file)) return [];
  try {
    return readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map(parseLine)
      .filter((entry): entry is PendingAuditEntry => entry !== null);
  } catch {
    return [];
  }
}

/** Everything waiting for this database: memory and both side files (other read-only PCs append there too), oldest first. */
export function pendingAuditEntries(location: PendingAuditLocation): PendingAuditEntry[] {
  const byKey = new Map<string, PendingAuditEntry>();
  for (const file of candidateFiles(location)) for (const entry of readFile(file)) byKey.set(entry.key, entry);
  for (const entry of memory.get(location.databasePath) ?? []) byKey.set(entry.key, entry);
  return [...byKey.values()].sort((a, b) => a.at.localeCompare(b.at));
}

/**
 * Takes the waiting entries for merging: each side file is renamed first, so lines another PC appends
 * meanwhile go to a new file and are merged next time instead of being lost. `commit` writes them (in
 * one transaction); only when it returns are the claimed files removed and memory cleared. If it throws,
 * the claimed files are put back so the next writer tries again.
 */
export function mergePendingAudit(location: PendingAuditLocation, commit: (entries: PendingAuditEntry[]) => void): number {
  const claimed: { original: string; claimed: string }[] = [];
  for (const file of candidateFiles(location)) {
    if (!existsSync(file)) continue;
    const target = `${file}.${process.pid}.${randomUUID()}.merging`;
    try {
      renameSync(file, target);
      claimed.push({ original: file, claimed: target });
    } catch {
      // Another PC is merging or holds the file open: its turn.
    }
  }
  const byKey = new Map<string, PendingAuditEntry>();
  for (const { claimed: file } of claimed) for (const entry of readFile(file)) byKey.set(entry.key, entry);
  for (const entry of memory.get(location.databasePath) ?? []) byKey.set(entry.key, entry);
  const entries = [...byKey.values()].sort((a, b) => a.at.localeCompare(b.at));
  if (entries.length === 0) {
    for (const { claimed: file } of claimed) rmSync(file, { force: true });
    return 0;
  }
  try {
    commit(entries);
  } catch (error) {
    for (const { original, claimed: file } of claimed) {
      try {
        // Appended back rather than renamed: a read-only PC may have started a new file meanwhile.
        appendFileSync(original, readFileSync(file, 'utf8'), { encoding: 'utf8', mode: 0o600 });
        rmSync(file, { force: true });
      } catch {
        // Left under its claimed name; nothing is deleted.
      }
    }
    throw error;
  }
  for (const { claimed: file } of claimed) rmSync(file, { force: true });
  memory.delete(location.databasePath);
  return entries.length;
}

/** For tests: forget what this process holds in memory, as a restart would. */
export function forgetPendingAuditMemory(): void {
  memory.clear();
}
