import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The worker's file name beside the built main bundle; electron.vite.config.ts emits it under this name. */
export const BUILT_WORKER_FILE = 'timesheetWorker.js';
export const WORKER_ENTRY_NAME = 'timesheetWorker';

export interface WorkerScript {
  path: string;
  /** From source: a tiny CommonJS loader that registers tsx and imports the TypeScript worker. */
  eval: boolean;
  code: string;
}

/**
 * Where the worker script is for the module running at `moduleUrl`. From source (tests, the command
 * line under tsx) the TypeScript file is loaded through tsx; in the electron-vite build this code is
 * bundled into out/main/index.js and the worker is the sibling file the build emits.
 */
export function resolveWorkerScript(moduleUrl: string): WorkerScript {
  if (builtWorkerOverride) return { path: builtWorkerOverride, eval: false, code: builtWorkerOverride };
  const modulePath = fileURLToPath(moduleUrl);
  if (modulePath.endsWith('.ts')) {
    // Node 20 does not apply `--import tsx` to a worker's entry file; registering tsx inside does work.
    const path = join(dirname(modulePath), 'worker.ts');
    const code = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(pathToFileURL(path).href)}); })`;
    return { path, eval: true, code };
  }
  const path = join(builtMainDir(modulePath), BUILT_WORKER_FILE);
  return { path, eval: false, code: path };
}

let builtWorkerOverride: string | null = null;

/**
 * Runs the built worker even when the caller runs from source: the benchmark measures the file the app
 * runs, not tsx compiling TypeScript inside each new worker (about 0.7 s per file read).
 */
export function useBuiltWorker(path: string | null): void {
  builtWorkerOverride = path;
}

/** Rollup may move shared code into out/main/chunks/; the entries (and the worker) stay in out/main. */
function builtMainDir(modulePath: string): string {
  const dir = dirname(modulePath);
  return dir.endsWith(`${'/'}chunks`) || dir.endsWith('\\chunks') ? dirname(dir) : dir;
}
