import { transaction } from '../../db/exec';
import { auditedFields, recordAuditSync } from '../audit/recordAudit';
import type { SignedInContext } from '../context';
import { insertWithGroupedTotals } from './bulkWrite';
import type { ImportPlan, PlannedRow } from './plan';
import { importedKeysOnDatesOf } from './importedKeys';
import { rowContent, rowKey } from './rowKey';

export interface CommitResult {
  importId: number;
  imported: number;
  duplicatesSkipped: number;
  casesCreated: string[];
}

/** What the write needs of a planned row: its content and occurrence (its key is built from them, rowKey.ts). */
export type WriteRow = PlannedRow;

/** What the write needs of a plan (the rejected rows only as a count: their reasons stay with the preview). */
export interface WritePlan extends Pick<ImportPlan, 'rowsRead' | 'duplicates' | 'newCases'> {
  rejectedCount: number;
  accepted: readonly WriteRow[];
}

export function writePlanOf(plan: ImportPlan): WritePlan {
  return { rowsRead: plan.rowsRead, duplicates: plan.duplicates, newCases: plan.newCases, rejectedCount: plan.rejected.length, accepted: plan.accepted };
}

export interface CommitOptions {
  /** Told the number of rows written so far, every PROGRESS_EVERY rows, while the transaction is still open. */
  onProgress?: (rowsWritten: number) => void;
}

export const PROGRESS_EVERY = 5_000;

const keyOf = (row: WriteRow) => rowKey(rowContent(row), row.occurrence);

/**
 * In date order: every time_entries index but one leads with or ends on the date, so rows in date order
 * land on neighbouring index pages instead of all over them. Grouped by date (a handful of hundred
 * distinct days) rather than sorted row by row: a comparison sort of 100,000 rows cost a few hundred ms.
 * Rows of one date keep their sheet order. Sheet order means nothing to the log; the rows are the same.
 */
function inDateOrder<R extends { date: string }>(rows: readonly R[]): R[] {
  const byDate = new Map<string, R[]>();
  for (const row of rows) {
    const group = byDate.get(row.date);
    if (group) group.push(row);
    else byDate.set(row.date, [row]);
  }
  return [...byDate.keys()].sort().flatMap((date) => byDate.get(date)!);
}

/**
 * Writes a checked plan in ONE transaction: all accepted rows, or none. Row keys are checked again
 * inside the transaction (one set lookup, not a query per row), so two imports of the same file racing
 * each other still import it once. Imported entries have no participants: the old sheets never said who
 * took part, and guessing would put invented person-hours into the statistics.
 */
export function commitPlan(ctx: SignedInContext, plan: WritePlan, fileSha256: string, options: CommitOptions = {}): CommitResult {
  const { actor } = ctx;
  const sqlite = ctx.db.sqlite;
  // Plain prepared statements: compiling a query per row would cost more than writing it.
  const caseByCode = sqlite.prepare('select id from cases where code = ?').pluck();
  const insertCase = sqlite.prepare(
    `insert into cases (code, municipality_id, year, running_number, status, referral_date, created_at, updated_at)
     values (?, ?, ?, ?, 'importert', null, ?, ?)`,
  );
  const insertEntry = sqlite.prepare(
    `insert into time_entries (entry_date, case_id, municipality_id, category_id, minutes, source, created_at, created_by, updated_at, updated_by)
     values (?, ?, ?, ?, ?, 'import', ?, ?, ?, ?)`,
  );
  const insertKey = sqlite.prepare('insert into timesheet_import_rows (row_key, import_id, time_entry_id) values (?, ?, ?)');
  const rows = inDateOrder(plan.accepted);

  return transaction(ctx.db, () => {
    const now = ctx.clock.now().toISOString();
    const caseIds = new Map<string, number>();
    const casesCreated: string[] = [];
    for (const c of plan.newCases) {
      const existing = caseByCode.get(c.code) as number | undefined;
      if (existing !== undefined) {
        caseIds.set(c.code, existing);
        continue;
      }
      const id = Number(insertCase.run(c.code, c.municipalityId, c.year, c.runningNumber, now, now).lastInsertRowid);
      caseIds.set(c.code, id);
      casesCreated.push(c.code);
      recordAuditSync(ctx, 'create', 'case', id, auditedFields('timesheet:import', ['code', 'municipalityId', 'status']));
    }
    const caseIdOf = (code: string): number => {
      let id = caseIds.get(code);
      if (id === undefined) {
        id = caseByCode.get(code) as number | undefined;
        if (id === undefined) throw new Error('Import plan names a case that does not exist');
        caseIds.set(code, id);
      }
      return id;
    };

    const importId = Number(
      sqlite
        .prepare(
          `insert into timesheet_imports (imported_at, imported_by, file_sha256, rows_read, rows_imported, rows_rejected, duplicates_skipped, cases_created)
           values (?, ?, ?, ?, 0, ?, 0, ?)`,
        )
        .run(now, actor.id, fileSha256, plan.rowsRead, plan.rejectedCount, casesCreated.length).lastInsertRowid,
    );

    let imported = 0;
    let duplicatesSkipped = plan.duplicates;
    insertWithGroupedTotals(sqlite, () => {
      const alreadyIn = importedKeysOnDatesOf(sqlite, rows, () => new Set(rows.map(keyOf)));
      for (const row of rows) {
        const key = keyOf(row);
        if (alreadyIn.has(key)) {
          duplicatesSkipped += 1;
          continue;
        }
        const caseId = row.caseCode ? caseIdOf(row.caseCode) : null;
        const entryId = insertEntry.run(row.date, caseId, row.municipalityId, row.categoryId, row.minutes, now, actor.id, now, actor.id).lastInsertRowid;
        insertKey.run(key, importId, entryId);
        imported += 1;
        if (imported % PROGRESS_EVERY === 0) options.onProgress?.(imported);
      }
    });
    sqlite.prepare('update timesheet_imports set rows_imported = ?, duplicates_skipped = ? where id = ?').run(imported, duplicatesSkipped, importId);
    recordAuditSync(ctx, 'import', 'time_entry_import', importId, auditedFields('timesheet:import', ['rows']));
    return { importId, imported, duplicatesSkipped, casesCreated };
  });
}
