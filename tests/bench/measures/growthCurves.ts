import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ImportPreviewDto, ImportSummaryDto } from '@shared/contract';
import { openDatabase } from '../../../electron/db/open';
import { fixedClock } from '../../../electron/services/context';
import { createDispatcher, type Dispatcher } from '../../../electron/services/dispatcher';
import { BUILT_WORKER_FILE, useBuiltWorker } from '../../../electron/services/timesheet/workerPath';
import { SCALE_100K, SCALE_10K, SCALE_10M, SCALE_1M, benchDatabasePath, ensureBenchDatabase, type BenchScale } from '../buildDatabase';
import { median, percentile, sampleAsync } from '../measure';
import { info, type MeasureResult } from '../report';
import { callOkAsync, readerDispatcher, type BenchContext, type BenchMeasure } from './context';
import { sheetBytes } from './importSheet';
import { timeSaves } from './saveEntry';

const PIVOT_RUNS = { warmup: 5, runs: 20 };
const SAVE_RUNS = { warmup: 10, runs: 100 };
const IMPORT_ROWS = 5_000;
const BUILT_WORKER = join(resolve(dirname(fileURLToPath(import.meta.url)), '../../..'), 'out', 'main', BUILT_WORKER_FILE);

interface Point {
  pivotMedian: number;
  saveMedian: number;
  saveP95: number;
  importMs: number;
}

async function must<T>(result: ReturnType<Dispatcher['dispatchAsync']>, what: string): Promise<T> {
  const settled = await result;
  if (!settled.ok) throw new Error(`${what} feilet: ${settled.error.code}`);
  return settled.value as T;
}

/** Reading, checking and writing IMPORT_ROWS rows of a new year into the database at `path` (a copy). */
async function timeImport(path: string, lastYear: number): Promise<number> {
  const db = await openDatabase(path);
  try {
    const dispatcher = createDispatcher({ db, clock: fixedClock(`${lastYear + 1}-12-31T12:00:00.000Z`) });
    dispatcher.session.actor = {
      ...(db.sqlite.prepare("select id, username from team_members where role = 'administrator' limit 1").get() as { id: number; username: string }),
      role: 'administrator',
    };
    const cases = db.sqlite
      .prepare('select c.code, m.name as municipality from cases c join municipalities m on m.id = c.municipality_id where c.year = ? order by c.id limit 20')
      .all(lastYear) as { code: string; municipality: string }[];
    const contentBase64 = (await sheetBytes(IMPORT_ROWS, lastYear + 1, cases)).toString('base64');
    const jobId = `vekst-${Date.now()}`;
    const start = performance.now();
    const preview = await must<ImportPreviewDto>(dispatcher.dispatchAsync('timesheet:read-file', { jobId, fileName: 'vekst.xlsx', contentBase64 }), 'Lesing');
    const summary = await must<ImportSummaryDto>(dispatcher.dispatchAsync('timesheet:import', { jobId }), 'Import');
    const ms = performance.now() - start;
    if (summary.imported !== IMPORT_ROWS || preview.rejectedCount !== 0)
      throw new Error(`Import: ${summary.imported} importert, ${preview.rejectedCount} avvist`);
    return ms;
  } finally {
    db.close();
  }
}

async function measureScale(scale: BenchScale, path: string, ctx: BenchContext): Promise<Point> {
  ctx.log(`  ${scale.label} …`);
  const db = await openDatabase(path, { readonly: true });
  let pivot: number[];
  try {
    const dispatcher = readerDispatcher(db);
    pivot = await sampleAsync(() => callOkAsync(dispatcher, 'statistics:annual', { year: scale.lastYear - 1 }), PIVOT_RUNS);
  } finally {
    db.close();
  }
  // Saving and importing write: on a copy, removed at once (the 10M copy is gigabytes).
  const copy = join(ctx.tempDir, `vekst-${scale.label}.sqlite`);
  copyFileSync(path, copy);
  try {
    const saves = await timeSaves(copy, scale.lastYear, SAVE_RUNS);
    const importMs = await timeImport(copy, scale.lastYear);
    return { pivotMedian: median(pivot), saveMedian: median(saves), saveP95: percentile(saves, 95), importMs };
  } finally {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${copy}${suffix}`, { force: true });
  }
}

const number = (n: number) => n.toLocaleString('nb-NO', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).replace(/\u00a0/g, ' ');

/**
 * How the pivot, a save and an import grow with the data: the same generator at 10k, 100k and 1M entries
 * (and 10M when `npm run bench -- 10M` has built it; it is never built here), one line per operation
 * with a column per size, so the growth shows at a glance. The import runs the built worker when the app
 * has been built (the import measure builds it), else the TypeScript worker through tsx (slower to start).
 */
export const growthCurvesMeasure: BenchMeasure = {
  name: 'Vekstkurver',
  async run(ctx): Promise<MeasureResult[]> {
    const scales: [BenchScale, string][] = [];
    for (const scale of [SCALE_10K, SCALE_100K]) scales.push([scale, (await ensureBenchDatabase(scale, ctx.log)).path]);
    scales.push([SCALE_1M, ctx.cachedDatabase]);
    if (existsSync(benchDatabasePath(SCALE_10M))) scales.push([SCALE_10M, benchDatabasePath(SCALE_10M)]);
    const builtWorker = existsSync(BUILT_WORKER);
    useBuiltWorker(builtWorker ? BUILT_WORKER : null);
    const points: Point[] = [];
    try {
      for (const [scale, path] of scales) points.push(await measureScale(scale, path, ctx));
    } finally {
      useBuiltWorker(null);
    }
    const heading = scales.map(([scale]) => scale.label.padStart(9)).join(' ');
    const line = (pick: (p: Point) => number) => `${points.map((p) => number(pick(p)).padStart(9)).join(' ')} ms`;
    return [
      info('Vekst: registreringer i databasen', `${heading}`),
      info(
        `Vekst: statistics:annual, median av ${PIVOT_RUNS.runs}`,
        line((p) => p.pivotMedian),
      ),
      info(
        `Vekst: time-entries:create, median av ${SAVE_RUNS.runs}`,
        line((p) => p.saveMedian),
      ),
      info(
        `Vekst: time-entries:create, p95`,
        line((p) => p.saveP95),
      ),
      info(
        `Vekst: import ${IMPORT_ROWS.toLocaleString('nb-NO')} rader (${builtWorker ? 'bygd worker' : 'tsx-worker'})`,
        line((p) => p.importMs),
      ),
    ];
  },
};
