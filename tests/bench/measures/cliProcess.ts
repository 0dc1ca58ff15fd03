import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { STATE_DIR_ENV } from '../../../electron/cli/stateFolder';
import { lastCompleteYear } from '../../../electron/cli/demo/createDemoData';
import { DEFAULT_DEMO_SEED } from '../../../electron/cli/commandSpecs';
import { LATEST_MIGRATION } from '../../../electron/db/open';
import { BENCH_CACHE_DIR } from '../buildDatabase';
import { ensureCachedDatabase } from '../cachedDatabase';
import { formatMs, median } from '../measure';
import { atMost, info, type MeasureResult } from '../report';
import type { BenchMeasure } from './context';

const ROOT = resolve(BENCH_CACHE_DIR, '..');
/** The built command line (electron.vite.config.ts emits it beside the main bundle). */
export const BUILT_CLI = join(ROOT, 'out', 'main', 'cli.js');
const RUNS = 7;
const GOALS = { statusMs: 300, statusMb: 100, statsMs: 500 };

/**
 * Prints the process's peak resident memory in kB as it exits: measured inside, so no platform tool is needed.
 * On Linux it is VmHWM, the peak of the process's own memory. `resourceUsage().maxRSS` is not: Linux carries
 * the parent's peak over a fork, so a CLI started by the bench process (some 300 MB with the 1M file open)
 * reported the bench's size (283 MB) instead of its own (61 MB).
 */
const PEAK_MEMORY_SOURCE = `import { readFileSync } from 'node:fs';
process.on('exit', () => {
  let kb = process.resourceUsage().maxRSS;
  try {
    kb = Number(/VmHWM:\\s+(\\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))[1]);
  } catch {}
  process.stderr.write('\\nmaxrss=' + kb + '\\n');
});`;
const REPORT_PEAK_MEMORY = `data:text/javascript,${encodeURIComponent(PEAK_MEMORY_SOURCE)}`;

interface ProcessRun {
  ms: number;
  peakMb: number;
}

/**
 * The command line's memory of its checks (electron/cli/stateFolder.ts) for the bench: its own folder, not
 * the home folder of whoever runs it. The file was checked at the first command, as on a user's PC.
 */
const STATE_FOLDER = join(BENCH_CACHE_DIR, 'kommandolinje-tilstand');

/** One whole `node out/main/cli.js …` process, as a script or a scheduled task starts it. */
function runCli(args: readonly string[], stateFolder = STATE_FOLDER): ProcessRun {
  const start = performance.now();
  const env = { ...process.env, [STATE_DIR_ENV]: stateFolder };
  const result = spawnSync(process.execPath, ['--import', REPORT_PEAK_MEMORY, BUILT_CLI, ...args], { encoding: 'utf8', env });
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`cli ${args[0]} endte med kode ${result.status}`);
  const kb = Number(/maxrss=(\d+)/.exec(result.stderr)?.[1]);
  return { ms, peakMb: kb / 1024 };
}

function build(): void {
  const result = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: ROOT, stdio: 'ignore' });
  if (result.status !== 0 || !existsSync(BUILT_CLI)) throw new Error('Bygget feilet (npx electron-vite build)');
}

const mb = (n: number) => `${n.toLocaleString('nb-NO', { maximumFractionDigits: 0 })} MB`;

/** A status call with a check due (a memory that has never seen the file: the first command of the day). */
function statusWithCheckDue(demo: string): ProcessRun {
  const forgetful = mkdtempSync(join(BENCH_CACHE_DIR, 'kommandolinje-ny-'));
  try {
    return runCli(['call', 'system:status', '{}', '--db', demo], forgetful);
  } finally {
    rmSync(forgetful, { recursive: true, force: true });
  }
}

/**
 * The command line as whole processes on the demo database (built once with the built CLI, cached):
 * start-up, reading the file and answering, as a scheduled backup or a script pays it. Median of RUNS,
 * with bare `node -e 0` beside it for what Node itself costs on this machine at the moment, and a status
 * call whose quick_check is due (once a day, after an unclean end) for what the check adds.
 */
export const cliProcessMeasure: BenchMeasure = {
  name: 'Kommandolinje (hele prosesser)',
  ownData: true,
  async run(ctx): Promise<MeasureResult[]> {
    if (!existsSync(BUILT_CLI)) {
      ctx.log('  bygger (out/main/cli.js mangler) …');
      build();
    }
    const year = lastCompleteYear(new Date());
    const demo = join(BENCH_CACHE_DIR, `demo-${LATEST_MIGRATION}-${DEFAULT_DEMO_SEED}-${year}.sqlite`);
    const { buildMs } = await ensureCachedDatabase(demo, 'demo-', async (building) => {
      ctx.log('  lager demodatabasen …');
      runCli(['demo', '--db', building]);
    });
    const bare: number[] = [];
    const status: ProcessRun[] = [];
    const checked: ProcessRun[] = [];
    const stats: ProcessRun[] = [];
    // The first command on this «PC» checks the file and remembers it, as the first one of a user's day does.
    runCli(['call', 'system:status', '{}', '--db', demo]);
    // Interleaved, so a busier moment on the machine does not land on one of them only.
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      spawnSync(process.execPath, ['-e', '0']);
      bare.push(performance.now() - start);
      status.push(runCli(['call', 'system:status', '{}', '--db', demo]));
      checked.push(statusWithCheckDue(demo));
      stats.push(runCli(['stats', '--year', String(year), '--db', demo, '--json']));
    }
    return [
      ...(buildMs === null ? [] : [info('Bygging av demodatabasen', formatMs(buildMs))]),
      info('node -e 0 (Node alene, median)', formatMs(median(bare))),
      atMost('cli call system:status, median', median(status.map((r) => r.ms)), GOALS.statusMs, formatMs),
      atMost('cli call system:status, største minne', Math.max(...status.map((r) => r.peakMb)), GOALS.statusMb, mb),
      info('cli call system:status med quick_check (dagens første), median', formatMs(median(checked.map((r) => r.ms)))),
      atMost(`cli stats --year ${year} på demo, median`, median(stats.map((r) => r.ms)), GOALS.statsMs, formatMs),
      info(`cli stats --year ${year}, største minne`, mb(Math.max(...stats.map((r) => r.peakMb)))),
    ];
  },
};
