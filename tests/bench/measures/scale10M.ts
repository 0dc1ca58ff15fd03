import { statSync } from 'node:fs';
import { join } from 'node:path';
import { checkDatabaseFile } from '../../../electron/db/integrity';
import { openDatabase } from '../../../electron/db/open';
import { createVerifiedBackup } from '../../../electron/services/backups/backupFile';
import { SCALE_10M, ensureBenchDatabase } from '../buildDatabase';
import { formatMs, median, percentile, sample, timeMs } from '../measure';
import { atMost, info, type MeasureResult } from '../report';
import { annualPivotMeasure } from './annualPivot';
import { callOk, readerDispatcher, reportDispatcher, type BenchContext, type BenchMeasure } from './context';
import { gridQueriesMeasure } from './gridQueries';

const CASE_RUNS = { warmup: 3, runs: 30 };
const CASE_GOAL_P95_MS = 100;
const REPORT_RUNS = 2;
const REPORT_GOAL_MS = 3_000;

const mbPerSecond = (bytes: number, ms: number) => `${(bytes / 1024 / 1024 / (ms / 1000)).toFixed(0)} MB/s`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** A measure written for the 1M file, run on the 10M file: its lines are prefixed so the two never mix. */
async function onTenMillion(measure: BenchMeasure, ctx: BenchContext): Promise<MeasureResult[]> {
  const results = await measure.run(ctx);
  return results.map((r) => ({ ...r, measure: `10M: ${r.measure}` }));
}

/** The case list on the 10M file's ~50,000 cases (cases with time only, no lifecycle rows), p95 each. */
async function caseList(ctx: BenchContext): Promise<MeasureResult[]> {
  const db = await openDatabase(ctx.cachedDatabase, { readonly: true });
  try {
    const dispatcher = readerDispatcher(db);
    const cases = (db.sqlite.prepare('select count(*) as n from cases').get() as { n: number }).n;
    const fauske = (db.sqlite.prepare("select id from municipalities where name = 'Fauske'").get() as { id: number }).id;
    const calls: [string, () => void][] = [
      ['cases:page, første side', () => callOk(dispatcher, 'cases:page', {})],
      ['cases:page, side 200 sortert på timer', () => callOk(dispatcher, 'cases:page', { page: 200, sort: { field: 'minutes', direction: 'desc' } })],
      ['cases:page, side 200 sortert på kommune', () => callOk(dispatcher, 'cases:page', { page: 200, sort: { field: 'municipality', direction: 'asc' } })],
      ['cases:page, filter kommune + år', () => callOk(dispatcher, 'cases:page', { filter: { municipalityId: fauske, year: ctx.lastYear - 1 } })],
      ['cases:page, søk på «/24-»', () => callOk(dispatcher, 'cases:page', { filter: { search: '/24-' } })],
      [`cases:list, alle ${cases.toLocaleString('nb-NO')}`, () => callOk(dispatcher, 'cases:list', {})],
    ];
    const results = [info('10M: saker', cases.toLocaleString('nb-NO'))];
    for (const [label, work] of calls) {
      const times = sample(work, CASE_RUNS);
      results.push(atMost(`10M: ${label}, p95 (median ${formatMs(median(times))})`, percentile(times, 95), CASE_GOAL_P95_MS, formatMs));
    }
    return results;
  } finally {
    db.close();
  }
}

/**
 * The whole annual report (tables, charts, .docx and .xlsx) for a full year of the 10M file, through the
 * same channel as «Lag årsrapport». Few runs: each reads a million entries.
 */
async function annualReport(ctx: BenchContext): Promise<MeasureResult[]> {
  const year = ctx.lastYear - 1;
  const db = await openDatabase(ctx.cachedDatabase, { readonly: true });
  try {
    const dispatcher = reportDispatcher(db);
    const times: number[] = [];
    for (let i = 0; i < REPORT_RUNS; i++) {
      const start = performance.now();
      const result = await dispatcher.dispatchAsync('annual-report:generate', { year });
      if (!result.ok) throw new Error(`annual-report:generate feilet: ${result.error.code}`);
      times.push(performance.now() - start);
    }
    return [
      info(`10M: annual-report:generate ${year}, første kjøring`, formatMs(times[0]!)),
      atMost(`10M: annual-report:generate ${year}, beste av ${REPORT_RUNS}`, Math.min(...times), REPORT_GOAL_MS, formatMs),
    ];
  } finally {
    db.close();
  }
}

/**
 * The app's verified backup (SQLite's backup API, then one `integrity_check` of the copy before it is
 * kept; listing it straight after trusts that check, see checkedFiles.ts) and start-up's `quick_check`,
 * each as MB of database file per second.
 * One run each: the file is 2–3 GB, and the second read would come from the page cache the first filled.
 */
async function backupAndCheck(ctx: BenchContext): Promise<MeasureResult[]> {
  const bytes = statSync(ctx.cachedDatabase).size;
  let ok = false;
  const checkMs = timeMs(() => (ok = checkDatabaseFile(ctx.cachedDatabase, 'quick').ok));
  if (!ok) throw new Error('quick_check fant feil i 10M-databasen');
  const db = await openDatabase(ctx.cachedDatabase, { readonly: true });
  try {
    const start = performance.now();
    const backup = await createVerifiedBackup(db.sqlite, join(ctx.tempDir, 'sikkerhetskopier'), 'manuell', new Date(), db.nativeBinding);
    const backupMs = performance.now() - start;
    if (!backup.intact) throw new Error('Sikkerhetskopien av 10M-databasen besto ikke kontrollen');
    return [
      info('10M: databasefilen', mb(bytes)),
      info(`10M: quick_check (${formatMs(checkMs)})`, mbPerSecond(bytes, checkMs)),
      info(`10M: sikkerhetskopi, kopi + integrity_check (${formatMs(backupMs)})`, mbPerSecond(bytes, backupMs)),
    ];
  } finally {
    db.close();
  }
}

/**
 * Ten times the default bench database: 10,000,000 entries over 2016–2025, ~50,000 cases, 300 members.
 * Opt-in (`npm run bench -- 10M`): the first build takes tens of minutes and 2–3 GB of disk.
 */
export const scale10MMeasure: BenchMeasure = {
  name: 'Skala 10M',
  ownData: true,
  optIn: true,
  async run(ctx): Promise<MeasureResult[]> {
    const { path, buildMs } = await ensureBenchDatabase(SCALE_10M, ctx.log);
    const big: BenchContext = { ...ctx, cachedDatabase: path, lastYear: SCALE_10M.lastYear };
    const results = [info('Bygging av 10M-databasen', buildMs === null ? 'fra hurtigbuffer' : formatMs(buildMs))];
    const parts: [string, () => Promise<MeasureResult[]>][] = [
      ['årspivot', () => onTenMillion(annualPivotMeasure, big)],
      ['registreringslisten', () => onTenMillion(gridQueriesMeasure, big)],
      ['sakslisten', () => caseList(big)],
      ['årsrapporten', () => annualReport(big)],
      ['quick_check og sikkerhetskopi', () => backupAndCheck(big)],
    ];
    for (const [label, part] of parts) {
      // The parts take minutes each on this file: say which one is running.
      ctx.log(`  10M: ${label} …`);
      // One part failing (the report, say) must not hide the other parts' numbers.
      try {
        results.push(...(await part()));
      } catch (error) {
        results.push({ measure: `10M: ${label} kunne ikke måles`, value: error instanceof Error ? error.message : String(error), goal: '–', pass: false });
      }
    }
    return results;
  },
};
