import { Worker } from 'node:worker_threads';
import { FileRefusedError, FILE_REFUSALS, type FileRefusal } from './fileErrors';
import { WORKER_LIMITS } from './limits';
import type { ParsedWorkbook, WorkerMessage, WorkerRequest } from './types';
import { resolveWorkerScript } from './workerPath';

export interface ParseInWorkerOptions {
  onProgress?: (rowsRead: number) => void;
  timeLimitMs?: number;
  resourceLimits?: { maxOldGenerationSizeMb?: number; maxYoungGenerationSizeMb?: number };
}

const isRefusal = (code: string): code is FileRefusal => Object.prototype.hasOwnProperty.call(FILE_REFUSALS, code);

/**
 * Parses an .xlsx in a worker thread with a capped heap and a time limit, so a hostile or huge file
 * can neither freeze nor kill the process that holds the database and the window.
 */
export function parseInWorker(bytes: Buffer, options: ParseInWorkerOptions = {}): Promise<ParsedWorkbook> {
  const script = resolveWorkerScript(import.meta.url);
  const worker = new Worker(script.code, {
    eval: script.eval,
    // Copied, not transferred: the caller keeps its buffer (Node may pool small Buffers).
    workerData: { task: 'parse', bytes: new Uint8Array(bytes) } satisfies WorkerRequest,
    resourceLimits: { ...WORKER_LIMITS.resourceLimits, ...options.resourceLimits },
    // The worker needs nothing from the parent's environment or stdin.
    stdin: false,
  });
  return new Promise<ParsedWorkbook>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      outcome();
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
    worker.on('exit', () => settle(() => reject(new FileRefusedError('unreadable'))));
  });
}
