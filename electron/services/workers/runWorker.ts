import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';

/**
 * A worker's heap cap and how long its job may run once the worker has loaded. Loading our own code is
 * timed separately (from source tsx compiles it inside each worker, seconds on a busy machine), so the
 * job's limit measures only the work on the untrusted input.
 */
export interface WorkerLimits {
  resourceLimits: ResourceLimits;
  timeLimitMs: number;
  startupLimitMs?: number;
}

/** Posted by a worker entry once its imports are loaded, before it touches the input. */
export const WORKER_READY = 'ready';

export type WorkerFailure = 'timeout' | 'out_of_memory' | 'crashed';

/** The worker did not answer: stopped for taking too long, out of its capped heap, or died. */
export class WorkerFailedError extends Error {
  constructor(readonly failure: WorkerFailure) {
    super(`worker ${failure}`);
    this.name = 'WorkerFailedError';
  }
}

export interface WorkerScript {
  /** From source a tiny loader that registers tsx and imports the TypeScript entry; built, the file's path. */
  code: string;
  eval: boolean;
}

/**
 * The worker entry `name` beside the module at `moduleUrl`. From source (tests, the command line under tsx)
 * it is `<name>.ts` in the same folder, loaded through tsx; in the electron-vite build the caller is bundled
 * into out/main (or out/main/chunks) and the entry is the sibling `<name>.js` the build emits.
 */
export function workerScript(moduleUrl: string, name: string): WorkerScript {
  const modulePath = fileURLToPath(moduleUrl);
  if (modulePath.endsWith('.ts')) {
    // Node 20 does not apply `--import tsx` to a worker's entry file; registering tsx inside does work.
    const href = pathToFileURL(join(dirname(modulePath), `${name}.ts`)).href;
    return { eval: true, code: `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(href)}); })` };
  }
  const dir = dirname(modulePath);
  const mainDir = /[\\/]chunks$/.test(dir) ? dirname(dir) : dir;
  return { eval: false, code: join(mainDir, `${name}.js`) };
}

/**
 * Runs one job in a worker thread and resolves with the first message it posts after WORKER_READY. The heap is capped and the
 * worker is terminated at the time limit, so a hostile file can neither freeze nor exhaust the process that
 * holds the database and the window; the worker is always terminated when the answer (or failure) is in.
 */
export function runWorker<T>(script: WorkerScript, workerData: unknown, limits: WorkerLimits): Promise<T> {
  const worker = new Worker(script.code, { eval: script.eval, workerData, resourceLimits: limits.resourceLimits, stdin: false });
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    const timeOut = () => settle(() => reject(new WorkerFailedError('timeout')));
    let timer = setTimeout(timeOut, limits.startupLimitMs ?? 60_000);
    worker.on('message', (message: T | typeof WORKER_READY) => {
      if (message !== WORKER_READY) return settle(() => resolve(message as T));
      clearTimeout(timer);
      timer = setTimeout(timeOut, limits.timeLimitMs);
    });
    worker.on('error', (error: Error & { code?: string }) =>
      settle(() => reject(new WorkerFailedError(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'out_of_memory' : 'crashed'))),
    );
    worker.on('exit', () => settle(() => reject(new WorkerFailedError('crashed'))));
  });
}
