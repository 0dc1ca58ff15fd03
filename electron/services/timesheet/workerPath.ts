import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The reading worker's file name beside the built main bundle; electron.vite.config.ts emits it under this name. */
export const BUILT_WORKER_FILE = 'timesheetWorker.js';
export const WORKER_ENTRY_NAME = 'timesheetWorker';
/** The worker that writes an import on its own connection (writeWorker.ts), emitted beside the reading one. */
export const WRITE_WORKER_ENTRY_NAME = 'timesheetWriteWorker';

/** Each worker entry: its name in the build, and its TypeScript file beside this one. */
const ENTRIES = {
  [WORKER_ENTRY_NAME]: 'worker.ts',
  [WRITE_WORKER_ENTRY_NAME]: 'writeWorker.ts',
} as const;
export type TimesheetWorkerEntry = keyof typeof ENTRIES;

export interface WorkerScript {
  path: string;
  /** From source: a tiny CommonJS loader that registers tsx and imports the TypeScript worker. */
  eval: boolean;
  code: string;
  /**
   * The flags the worker starts with: none for a built file, which needs no loader. Inherited, the
   * parent's `--import tsx` (the command line from source, the benchmark) hooked every module the
   * worker loads: about 0.2 s more per start, measured. From source the parent's flags are kept.
   */
  execArgv?: string[];
}

/**
 * Where the worker script is for the module running at `moduleUrl`. From source (tests, the command
 * line under tsx) the TypeScript file is loaded through tsx; in the electron-vite build this code is
 * bundled into out/main/index.js and the worker is the sibling file the build emits.
 */
export function resolveWorkerScript(moduleUrl: string, entry: TimesheetWorkerEntry = WORKER_ENTRY_NAME): WorkerScript {
  if (builtWorkerOverride) {
    const path = join(dirname(builtWorkerOverride), `${entry}.js`);
    return { path, eval: false, code: path, execArgv: [] };
  }
  const modulePath = fileURLToPath(moduleUrl);
  if (modulePath.endsWith('.ts')) {
    // Node 20 does not apply `--import tsx` to a worker's entry file; registering tsx inside does work.
    const path = join(dirname(modulePath), ENTRIES[entry]);
    const code = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(pathToFileURL(path).href)}); })`;
    return { path, eval: true, code };
  }
  const path = join(builtMainDir(modulePath), `${entry}.js`);
  return { path, eval: false, code: path, execArgv: [] };
}

let builtWorkerOverride: string | null = null;

/**
 * Runs the built workers (the reading one at `path`, the writing one beside it) even when the caller runs
 * from source: the benchmark measures the files the app runs, not tsx compiling TypeScript inside each
 * new worker (about 0.7 s per worker).
 */
export function useBuiltWorker(path: string | null): void {
  builtWorkerOverride = path;
}

/** Rollup may move shared code into out/main/chunks/; the entries (and the worker) stay in out/main. */
function builtMainDir(modulePath: string): string {
  const dir = dirname(modulePath);
  return dir.endsWith(`${'/'}chunks`) || dir.endsWith('\\chunks') ? dirname(dir) : dir;
}
