import Database from 'better-sqlite3';

export interface IntegrityReport {
  ok: boolean;
  /** SQLite's own findings (page numbers, index names), at most a handful; they name no row values. */
  problems: string[];
  /** Rows whose foreign key points nowhere, per table. Empty when `ok`. */
  foreignKeyViolations: number;
}

/**
 * `quick_check` is what start-up can afford on a large file (it skips the index-to-table comparison);
 * `integrity_check` is the full check used for backups and by `verify`.
 */
export function checkIntegrity(sqlite: Database.Database, depth: 'quick' | 'full' = 'full'): IntegrityReport {
  const pragma = depth === 'quick' ? 'quick_check' : 'integrity_check';
  const rows = sqlite.pragma(`${pragma}(20)`) as Record<string, string>[];
  const problems = rows.map((row) => String(Object.values(row)[0])).filter((text) => text !== 'ok');
  const foreignKeyViolations = (sqlite.pragma('foreign_key_check') as unknown[]).length;
  return { ok: problems.length === 0 && foreignKeyViolations === 0, problems, foreignKeyViolations };
}

/**
 * Opens the file read-only and checks it, so nothing is written to a database that may be damaged.
 * A file SQLite cannot even read counts as damaged rather than throwing.
 */
export function checkDatabaseFile(path: string, depth: 'quick' | 'full', nativeBinding?: string): IntegrityReport {
  let sqlite: Database.Database | null = null;
  try {
    sqlite = new Database(path, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    return checkIntegrity(sqlite, depth);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB|IOERR)/.test(code)) {
      return { ok: false, problems: [code], foreignKeyViolations: 0 };
    }
    throw error;
  } finally {
    sqlite?.close();
  }
}
