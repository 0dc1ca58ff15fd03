import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCH_LAST_YEAR, SCALE_1M, ensureBenchDatabase } from './buildDatabase';
import { annualPivotMeasure } from './measures/annualPivot';
import { annualReportMeasure } from './measures/annualReport';
import { caseFiguresMeasure } from './measures/caseFigures';
import { caseListMeasure } from './measures/caseList';
import { closureReportMeasure } from './measures/closureReport';
import { cliProcessMeasure } from './measures/cliProcess';
import type { BenchContext, BenchMeasure } from './measures/context';
import { saveEntryMeasure } from './measures/saveEntry';
import { sharedDatabaseMeasure } from './measures/sharedDatabase';
import { gridQueriesMeasure } from './measures/gridQueries';
import { importReadersMeasure } from './measures/importReaders';
import { importSheetMeasure } from './measures/importSheet';
import { rendererStartupMeasure } from './measures/rendererStartup';
import { scale10MMeasure } from './measures/scale10M';
import { growthCurvesMeasure } from './measures/growthCurves';
import { openLargeFileMeasure } from './measures/openLargeFile';
import { postgresPivotMeasure } from './measures/postgresPivot';
import { postgresSaveMeasure } from './measures/postgresSave';
import { postgresWritersMeasure } from './measures/postgresWriters';
import { formatMs } from './measure';
import { formatTable, info, type MeasureResult } from './report';

/** Every measure, in the order printed. Add a new one here. */
const MEASURES: readonly BenchMeasure[] = [
  annualPivotMeasure,
  annualReportMeasure,
  saveEntryMeasure,
  sharedDatabaseMeasure,
  gridQueriesMeasure,
  importReadersMeasure,
  importSheetMeasure,
  caseListMeasure,
  caseFiguresMeasure,
  closureReportMeasure,
  cliProcessMeasure,
  rendererStartupMeasure,
  openLargeFileMeasure,
  growthCurvesMeasure,
  postgresPivotMeasure,
  postgresSaveMeasure,
  postgresWritersMeasure,
  scale10MMeasure,
];

const log = (line: string) => process.stderr.write(`${line}\n`);

/**
 * `npm run bench -- import` runs only the measures whose name contains «import» (case-insensitive).
 * Opt-in measures run only when named so (`npm run bench -- 10M`). `--uten postgres` leaves out the measures
 * whose name contains «postgres» (with or without a filter before it).
 */
const args = process.argv.slice(2);
const withoutAt = args.indexOf('--uten');
const without = withoutAt >= 0 ? args[withoutAt + 1]?.toLocaleLowerCase('nb') : undefined;
if (withoutAt >= 0 && !without) throw new Error('--uten trenger et ord: npm run bench -- --uten postgres');
const filterArg = args.find((arg, i) => !arg.startsWith('--') && (withoutAt < 0 || i !== withoutAt + 1));
const filter = filterArg?.toLocaleLowerCase('nb');
const named = (m: BenchMeasure, word: string) => m.name.toLocaleLowerCase('nb').includes(word);
const selected = (filter ? MEASURES.filter((m) => named(m, filter)) : MEASURES.filter((m) => !m.optIn)).filter((m) => !without || !named(m, without));
if (selected.length === 0) throw new Error(`Ingen måling heter noe med «${filterArg}»`);

const needsBenchDatabase = selected.some((m) => !m.ownData);
const { path, buildMs } = needsBenchDatabase ? await ensureBenchDatabase(SCALE_1M, log) : { path: '', buildMs: null };
const results: MeasureResult[] = needsBenchDatabase ? [info('Bygging av 1M-databasen', buildMs === null ? 'fra hurtigbuffer' : formatMs(buildMs))] : [];
const tempDir = mkdtempSync(join(tmpdir(), 'ettervern-bench-'));
const cleanups: (() => Promise<void>)[] = [];
try {
  const ctx: BenchContext = { cachedDatabase: path, tempDir, lastYear: BENCH_LAST_YEAR, log, atEnd: (cleanup) => cleanups.push(cleanup) };
  for (const measure of selected) {
    log(`Måler: ${measure.name} …`);
    // One broken measure must not hide the others' numbers: it is printed as a failed line instead.
    try {
      results.push(...(await measure.run(ctx)));
    } catch (error) {
      results.push({ measure: `${measure.name}: kunne ikke måles`, value: error instanceof Error ? error.message : String(error), goal: '–', pass: false });
    }
  }
} finally {
  for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => log(`Opprydding feilet: ${String(error)}`));
  rmSync(tempDir, { recursive: true, force: true });
}

process.stdout.write(`\n${formatTable(results)}\n`);
const failed = results.filter((r) => r.pass === false);
if (failed.length > 0) {
  process.stdout.write(`\n${failed.length} mål ble ikke nådd.\n`);
  process.exitCode = 1;
}
