import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock, type ServiceContext } from '../../electron/services/context';
import { endSession, sessionOf, startSession } from '../../electron/services/timesheet/importSession';
import type { PlanSummary } from '../../electron/services/timesheet/planSummary';
import { planImport } from '../../electron/services/timesheet/plan';
import { summaryOf } from '../../electron/services/timesheet/planSummary';
import { summarisePlan } from '../../electron/services/timesheet/previewSummary';
import { parseInWorker } from '../../electron/services/timesheet/runWorker';
import { createTestDatabase, municipalityId, TEST_NOW, type TestDatabase } from '../support/testDatabase';
import { excelDate, workbookBytes, type SheetRows } from '../support/timesheetFiles';

/**
 * A file above IN_PROCESS_MAX_ROWS is checked and written in the import's worker on its own connection
 * (importSession.ts), not on the main thread: the preview, the rejected rows and the import must be
 * exactly what the same check on the calling thread gives, with the same Norwegian reasons.
 */
let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
  t.ok('cases:create', { municipalityId: municipalityId(t, 'Fauske'), referralDate: '2020-01-10', code: '01/20-FA' });
});
afterEach(() => t.close());

const ROWS = 1_500;
/** From source every worker start compiles the TypeScript it loads (seconds on a busy machine); the second test starts four. */
const WORKER_TEST_MS = 90_000;

/** 1,500 rows: known and new cases, equal rows, and every 50th row refused for a different reason. */
function bigSheet(): SheetRows {
  const rows: SheetRows = [['Sak', 'Dato', 'Kommune', 'Hendelse', 'Tidsbruk']];
  for (let i = 0; i < ROWS; i++) {
    const day = excelDate(`2020-0${1 + (i % 5)}-${String(1 + (i % 28)).padStart(2, '0')}`);
    if (i % 150 === 0) rows.push(['01/20-FA', day, 'Atlantis', 'Kjøring', 1]);
    else if (i % 150 === 50) rows.push(['01/20-FA', '31.02.2020', 'Fauske', 'Kjøring', 1]);
    else if (i % 150 === 100) rows.push(['01/20-FA', day, 'Fauske', 'Kaffe', 1]);
    else rows.push([i % 3 === 0 ? '03/20-ST' : '01/20-FA', day, i % 3 === 0 ? 'Steigen' : 'Fauske', i % 2 ? 'Kjøring' : 'Bruker oppfølging', (i % 4) + 0.5]);
  }
  return rows;
}

function mainThreadContext(): ServiceContext {
  return { db: t.db, actor: null, clock: fixedClock(TEST_NOW), session: { actor: null } };
}

describe('a large file checked and written in the import worker', () => {
  it(
    'previews, lists rejected rows and imports exactly as the check on the calling thread says',
    async () => {
      const bytes = await workbookBytes({ Timer: bigSheet() });
      const preview = await t.okAsync('timesheet:read-file', { jobId: 'stor-fil-1', fileName: 'stor.xlsx', contentBase64: bytes.toString('base64') });

      // Checked in the job's worker, which stays (with its connection) while the preview is shown.
      expect(sessionOf('stor-fil-1')?.alive).toBe(true);
      const ctx = mainThreadContext();
      const here = planImport(ctx, await parseInWorker(bytes));
      expect(preview).toEqual(summarisePlan(ctx, 'stor-fil-1', 'stor.xlsx', summaryOf(here)));
      expect(preview.rowsRead).toBe(ROWS);
      expect(preview.rejectedCount).toBe(here.rejected.length);
      const reasons = preview.rejected.map((r) => r.reason);
      for (const reason of ['Ukjent kommune', 'Dato er ikke en gyldig dato (bruk dd.mm.åååå)', 'Ukjent hendelse']) expect(reasons).toContain(reason);
      expect(preview.casesToCreate).toEqual(['03/20-ST']);

      const summary = await t.okAsync('timesheet:import', { jobId: 'stor-fil-1' });
      expect(summary).toMatchObject({ committed: true, imported: here.accepted.length, rejectedCount: here.rejected.length, casesCreated: ['03/20-ST'] });
      expect(t.db.sqlite.prepare("select count(*) from time_entries where source = 'import'").pluck().get()).toBe(here.accepted.length);
      expect(sessionOf('stor-fil-1')).toBeNull();
    },
    WORKER_TEST_MS,
  );

  it(
    'gives a job its rows again when its worker was ended by another file, and imports it once',
    async () => {
      const first = await workbookBytes({ Timer: bigSheet() });
      const second = await workbookBytes({ Timer: bigSheet().slice(0, 1_200) });
      await t.okAsync('timesheet:read-file', { jobId: 'stor-fil-a', fileName: 'a.xlsx', contentBase64: first.toString('base64') });
      const b = await t.okAsync('timesheet:read-file', { jobId: 'stor-fil-b', fileName: 'b.xlsx', contentBase64: second.toString('base64') });

      const again = await t.okAsync('timesheet:preview', { jobId: 'stor-fil-a', includeExisting: false });
      expect(again.rowsRead).toBe(ROWS);
      const rejectedFile = await t.okAsync('timesheet:rejected-rows', { jobId: 'stor-fil-a' });
      expect(rejectedFile.fileName).toBe('a – avviste rader.xlsx');
      const imported = await t.okAsync('timesheet:import', { jobId: 'stor-fil-a' });
      expect(imported.imported).toBe(again.rowsToImport);
      // The same file's other job finds every row imported before.
      const repeated = await t.okAsync('timesheet:import', { jobId: 'stor-fil-b' });
      expect(repeated).toMatchObject({ imported: 0, duplicatesSkipped: b.rowsToImport });
    },
    WORKER_TEST_MS,
  );

  it(
    'lets a request under way finish when a newer file replaces the kept worker, then ends it',
    async () => {
      const workbook = await parseInWorker(await workbookBytes({ Timer: bigSheet() }));
      const actor = { id: t.member!.id, username: t.member!.username, role: t.member!.role };
      const first = startSession(mainThreadContext(), 'forste-jobb');
      const checking = first.request<PlanSummary>({ type: 'plan', choice: {}, workbook, actor, now: TEST_NOW });
      const second = startSession(mainThreadContext(), 'andre-jobb');
      await expect(checking).resolves.toMatchObject({ rowsRead: ROWS });
      await expect.poll(() => first.alive, { timeout: 10_000 }).toBe(false);
      expect(sessionOf('andre-jobb')).toBe(second);
      await endSession();
      expect(second.alive).toBe(false);
    },
    WORKER_TEST_MS,
  );
});
