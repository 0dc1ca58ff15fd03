import { execFileSync } from 'node:child_process';
import { closeSync, copyFileSync, fsyncSync, openSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay, PerformanceObserver, type IntervalHistogram } from 'node:perf_hooks';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ChannelName, ImportPreviewDto, ImportSummaryDto } from '@shared/contract';
import { addDays, toIsoDate } from '@shared/dates';
import { openDatabase } from '../../../electron/db/open';
import { fixedClock } from '../../../electron/services/context';
import { createDispatcher, type Dispatcher } from '../../../electron/services/dispatcher';
import { BUILT_WORKER_FILE, useBuiltWorker } from '../../../electron/services/timesheet/workerPath';
import { formatMs } from '../measure';
import { atMost, info, type MeasureResult } from '../report';
import type { BenchMeasure } from './context';

/** Issue 18's goals; 10,000 rows is shown for the growth curve. */
const GOALS: Record<number, { ms?: number; mb?: number }> = { 5_000: { ms: 400 }, 100_000: { ms: 2_500, mb: 150 } };
const CATEGORIES = ['Brukeroppfølging', 'Bruker oppfølging', 'Kjøring', 'Samarbeidspartnere', '4', 'Nettverksarbeid'];

/** A sheet like the team's: title row, the five headings and a comment column, dates as dates and as text. */
export async function sheetBytes(rows: number, year: number, cases: { code: string; municipality: string }[]): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: true, useStyles: true });
  const sheet = workbook.addWorksheet(`Timer ${year}`);
  sheet.addRow(['Timeliste']).commit();
  sheet.addRow(['Sak', 'Dato', 'Kommune', 'Hendelse', 'Tidsbruk', 'Kommentar']).commit();
  for (let i = 0; i < rows; i++) {
    const c = cases[i % cases.length]!;
    const day = addDays(toIsoDate(year, 1, 1), i % 360);
    const [y, m, d] = day.split('-');
    const date = i % 3 === 0 ? `${d}.${m}.${y}` : new Date(`${day}T00:00:00.000Z`);
    const hours = i % 4 === 0 ? '1,5' : (i % 8) / 2 + 0.5;
    sheet.addRow([c.code, date, c.municipality, CATEGORIES[i % CATEGORIES.length], hours, i % 10 === 0 ? 'notat' : null]).commit();
  }
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}

/**
 * A copy of the cached database, on disk before anything is measured. A fresh copy of the 1M file is some
 * 270 MB the system has not yet written out, and the first fsync of the file (the 5,000-row import's
 * checkpoint) waited for all of it: 150–300 ms counted as the import's write, which no user's import pays.
 */
function copyToDisk(from: string, to: string): void {
  copyFileSync(from, to);
  const fd = openSync(to, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** Builds the app and points the import at the worker file it emits: what the app runs, not tsx. */
function useFreshBuiltWorker(log: (line: string) => void): void {
  log('  bygger appen (electron-vite build) for å måle den bygde workeren …');
  execFileSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'ignore' });
  useBuiltWorker(join(ROOT, 'out', 'main', BUILT_WORKER_FILE));
}

/**
 * The longest time the main thread could not turn to anything else during `work`: the event loop's
 * largest delay, sampled every 5 ms. A synchronous write of the whole import shows as one long stall.
 * Beside it the longest garbage collection on the main thread in the same span: a stall can be the
 * collector (the bench's own sheets are built just before) or the machine's other load, not the import.
 */
async function withLongestBlock<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; longestMs: number; longestGcMs: number }> {
  const histogram: IntervalHistogram = monitorEventLoopDelay({ resolution: 5 });
  let longestGcMs = 0;
  const gcObserver = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longestGcMs = Math.max(longestGcMs, entry.duration);
  });
  histogram.enable();
  gcObserver.observe({ entryTypes: ['gc'] });
  try {
    // Node records a delay from the monitor's second tick on: a stall that began before its first tick
    // (a synchronous call right after enable) would never be seen. So the monitor ticks once first.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const start = performance.now();
    const value = await work();
    const ms = performance.now() - start;
    // One more turn of the loop, so a stall that ends with `work` is recorded.
    await new Promise((resolve) => setTimeout(resolve, 10));
    return { value, ms, longestMs: histogram.max / 1e6, longestGcMs };
  } finally {
    histogram.disable();
    gcObserver.disconnect();
  }
}

function must<T>(result: Awaited<ReturnType<Dispatcher['dispatchAsync']>>, what: string): T {
  if (!result.ok) throw new Error(`${what} feilet: ${result.error.code} – ${result.error.message}`);
  return result.value as T;
}

/**
 * Importing an old sheet through the dispatcher into a copy of the 1M database: read (worker: zip
 * check + streaming parse) and check every row, then write all in one transaction. Memory is the
 * process's resident set (main thread and worker together), sampled every 10 ms; the goal is on its
 * growth over the RSS just before the import.
 */
export const importSheetMeasure: BenchMeasure = {
  name: 'Import av timeark',
  async run(ctx): Promise<MeasureResult[]> {
    const path = join(ctx.tempDir, 'import.sqlite');
    copyToDisk(ctx.cachedDatabase, path);
    const db = await openDatabase(path);
    const results: MeasureResult[] = [];
    useFreshBuiltWorker(ctx.log);
    try {
      const dispatcher = createDispatcher({ db, clock: fixedClock(`${ctx.lastYear + 1}-12-31T12:00:00.000Z`) });
      const admin = db.sqlite.prepare("select id, username, role from team_members where role = 'administrator' order by id limit 1").get() as {
        id: number;
        username: string;
        role: 'administrator';
      };
      dispatcher.session.actor = admin;
      const cases = db.sqlite
        .prepare(
          `select c.code, m.name as municipality from cases c join municipalities m on m.id = c.municipality_id where c.year = ? order by c.id limit 200`,
        )
        .all(ctx.lastYear) as { code: string; municipality: string }[];
      for (const [rows, year] of [
        [5_000, ctx.lastYear + 1],
        [10_000, ctx.lastYear + 1],
        [100_000, ctx.lastYear + 1],
      ] as const) {
        // Each size its own cases: a row equal to one imported by an earlier size would «finnes allerede».
        const own = rows === 5_000 ? cases.slice(0, 20) : rows === 10_000 ? cases.slice(20, 60) : cases.slice(60);
        const bytes = await sheetBytes(rows, year, own);
        ctx.log(`  ${rows} rader: ${(bytes.length / 1024 / 1024).toFixed(1)} MB .xlsx`);
        global.gc?.();
        const baseline = process.memoryUsage().rss;
        let peak = baseline;
        const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
        const jobId = `bench-${rows}-${Date.now()}`;
        // CPU time of every thread of the process (main and workers): steadier than the clock when other work shares the cores.
        const cpuBefore = process.cpuUsage();
        const reading = await withLongestBlock(async () =>
          must<ImportPreviewDto>(
            await dispatcher.dispatchAsync('timesheet:read-file' satisfies ChannelName, {
              jobId,
              fileName: 'bench.xlsx',
              contentBase64: bytes.toString('base64'),
            }),
            'Lesing',
          ),
        );
        const preview = reading.value;
        const read = reading.ms;
        peak = Math.max(peak, process.memoryUsage().rss);
        const writing = await withLongestBlock(async () =>
          must<ImportSummaryDto>(await dispatcher.dispatchAsync('timesheet:import' satisfies ChannelName, { jobId }), 'Import'),
        );
        const summary = writing.value;
        const cpu = process.cpuUsage(cpuBefore);
        const total = read + writing.ms;
        peak = Math.max(peak, process.memoryUsage().rss);
        clearInterval(sampler);
        if (summary.imported !== rows || preview.rejectedCount !== 0)
          throw new Error(`Import av ${rows} rader: ${summary.imported} importert, ${preview.rejectedCount} avvist`);
        const goal = GOALS[rows] ?? {};
        results.push(info(`import ${rows} rader: lese + kontrollere (workere)`, formatMs(read)));
        results.push(info(`import ${rows} rader: skrive`, formatMs(total - read)));
        // Read and check run in workers (the check in the import's worker, importSession.ts): the main thread must stay free.
        results.push(atMost(`import ${rows} rader: lengste blokkering av hovedtråden under lesing + kontroll`, reading.longestMs, 100, formatMs));
        results.push(atMost(`import ${rows} rader: lengste blokkering av hovedtråden under skriving`, writing.longestMs, 100, formatMs));
        results.push(
          info(
            `import ${rows} rader: lengste søppeltømming (GC) på hovedtråden under lesing + kontroll / skriving`,
            `${formatMs(reading.longestGcMs)} / ${formatMs(writing.longestGcMs)}`,
          ),
        );
        results.push(info(`import ${rows} rader: CPU-tid, alle tråder (bruker + system)`, formatMs((cpu.user + cpu.system) / 1000)));
        const totalLabel = `import ${rows} rader: totalt`;
        results.push(goal.ms === undefined ? info(totalLabel, formatMs(total)) : atMost(totalLabel, total, goal.ms, formatMs));
        const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
        // The goal is the import's own memory: the worker and the main thread's growth, both inside this
        // process's RSS. The bench's baseline (the open 1M database, the generated sheets) is not the import's.
        const growthLabel = `import ${rows} rader: importens topp-RSS (worker + hovedtrådens vekst = topp − RSS før)`;
        if (goal.mb !== undefined) results.push(atMost(growthLabel, (peak - baseline) / 1024 / 1024, goal.mb, (v) => `${v.toFixed(0)} MB`));
        else results.push(info(growthLabel, mb(peak - baseline)));
        results.push(info(`import ${rows} rader: RSS før / topp (hele bench-prosessen)`, `${mb(baseline)} / ${mb(peak)}`));
      }
      return results;
    } finally {
      useBuiltWorker(null);
      db.close();
      rmSync(path, { force: true });
    }
  },
};
