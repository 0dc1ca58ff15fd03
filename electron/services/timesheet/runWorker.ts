import { Worker } from 'node:worker_threads';
import { FileRefusedError, FILE_REFUSALS, type FileRefusal } from './fileErrors';
import { createJobFolder } from './jobFolder';
import { WORKER_LIMITS } from './limits';
import type { ParsedWorkbook, WorkerMessage, WorkerRequest } from './types';
import { resolveWorkerScript } from './workerPath';

export interface ParseInWorkerOptions {
  onProgress?: (rowsRead: number) => void;
  timeLimitMs?: number;
  resourceLimits?: { maxOldGenerationSizeMb?: number; maxYoungGenerationSizeMb?: number };
  /** Where the job's own temp folder is made (the system's temp folder unless a test says otherwise). */
  tempRoot?: string;
}

const isRefusal = (code: string): code is FileRefusal => Object.prototype.hasOwnProperty.call(FILE_REFUSALS, code);

/**
 * Parses an .xlsx in a worker thread with a capped heap and a time limit, so a hostile or huge file
 * can neither freeze nor kill the process that holds the database and the window. The job's temp folder
 * is removed when the worker has exited, however it ended (done, refused, out of memory, timed out), and
 * only then is the answer given, so no caller ever sees the folder still there.
 */
export function parseInWorker(bytes: Buffer, options: ParseInWorkerOptions = {}): Promise<ParsedWorkbook> {
  const script = resolveWorkerScript(import.meta.url);
  const folder = createJobFolder(options.tempRoot);
  let worker: Worker;
  try {
    worker = new Worker(script.code, {
      // The worker needs nothing from the parent's environment but where its temp files go.
      env: { TMPDIR: folder.path, TMP: folder.path, TEMP: folder.path },
      eval: script.eval,
      ...(script.execArgv ? { execArgv: script.execArgv } : {}),
      // Copied, not transferred: the caller keeps its buffer (Node may pool small Buffers).
      workerData: { task: 'parse', bytes: new Uint8Array(bytes) } satisfies WorkerRequest,
      resourceLimits: { ...WORKER_LIMITS.resourceLimits, ...options.resourceLimits },
      stdin: false,
    });
  } catch (error) {
    folder.remove();
    throw error;
  }
  return new Promise<ParsedWorkbook>((resolve, reject) => {
    let outcome: (() => void) | null = null;
    const settle = (decided: () => void) => {
      if (outcome) return;
      outcome = decided;
      clearTimeout(timer);
      void worker.terminate();
    };
    const timer = setTimeout(() => settle(() => reject(new FileRefusedError('timeout'))), options.timeLimitMs ?? WORKER_LIMITS.timeLimitMs);
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') options.onProgress?.(message.rowsRead);
      else if (message.type === 'done') settle(() => resolve(message.workbook));
      else settle(() => reject(new FileRefusedError(isRefusal(message.refusal) ? message.refusal : 'unreadable')));
    });
    worker.on('error', (error: Error & { code?: string }) => {
      settle(() => reject(new FileRefusedError(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'out_of_memory' : 'unreadable')));
    });
    worker.on('exit', () => {
      clearTimeout(timer);
      try {
        folder.remove();
      } finally {
        (outcome ?? (() => reject(new FileRefusedError('unreadable'))))();
      }
    });
  });
}
