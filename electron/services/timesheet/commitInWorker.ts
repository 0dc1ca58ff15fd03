import { Worker } from 'node:worker_threads';
import type { SignedInContext } from '../context';
import { ServiceError } from '../errors/serviceError';
import { commitPlan, type CommitResult, type WritePlan } from './commit';
import { resolveWorkerScript, WRITE_WORKER_ENTRY_NAME } from './workerPath';
import type { WriteFailure, WriteWorkerMessage, WriteWorkerRequest } from './writeWorkerMessages';
import { packWritePlan, writePlanTransferables } from './writePlanTransfer';

export interface CommitInWorkerOptions {
  /** Rows written so far; the transaction is still open, so none of them is visible yet. */
  onProgress?: (rowsWritten: number) => void;
  /** Stops the worker: its transaction is rolled back and the promise rejects. */
  signal?: AbortSignal;
  /** Plans up to this many rows are written on the calling thread (default IN_PROCESS_MAX_ROWS; tests pass 0). */
  inProcessMaxRows?: number;
}

/**
 * A small plan is written on the calling thread: its whole transaction takes a few tens of ms, less
 * than starting a worker and opening a second connection, and far inside the 100 ms a write may hold the
 * main thread. (From source, under tsx, a worker start also compiles the database code: seconds.)
 */
export const IN_PROCESS_MAX_ROWS = 1_000;

/**
 * Our own code, so no hostile-input cap on time: generous, for a slow network share. The heap holds the
 * plan's rows once more (some tens of MB at 100,000); SQLite's page cache is outside it. A small young
 * generation: the worker allocates its rows once and keeps them, so a large nursery only adds to the RSS.
 */
const WRITE_WORKER_LIMITS = { resourceLimits: { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 8 }, timeLimitMs: 10 * 60 * 1000 };

const stoppedError = () => new ServiceError('internal', 'Importen ble stoppet. Ingenting ble lagret.');

/** The failure as the error main would have thrown, so the dispatcher answers exactly as before (busy, disk full …). */
function errorOf(failure: WriteFailure): Error {
  if (failure.kind === 'service') return new ServiceError(failure.code, failure.message, failure.fieldErrors);
  const error = new Error('Importen kunne ikke lagres');
  if (failure.kind === 'sqlite') return Object.assign(error, { name: 'SqliteError', code: failure.code });
  return error;
}

/**
 * Writes the plan from a worker thread on its own connection (writeWorker.ts), so the main thread is
 * never blocked by the write: a 100,000-row import took the main thread for seconds in one synchronous
 * transaction. Chunked short transactions on the main connection were the alternative, but rows must
 * not be visible before the import is complete, and moving staged rows into time_entries would again
 * be one long statement with all the index work in it. Resolves once the transaction has committed.
 * An in-memory database cannot be opened twice; it (only a test's or the recovery stand-in, which
 * refuses writes anyway) is written on the calling thread, as is a small plan (IN_PROCESS_MAX_ROWS).
 */
export async function commitInWorker(ctx: SignedInContext, plan: WritePlan, fileSha256: string, options: CommitInWorkerOptions = {}): Promise<CommitResult> {
  const { db } = ctx;
  const inMemory = db.path === ':memory:' || db.path === '';
  if (inMemory || plan.accepted.length <= (options.inProcessMaxRows ?? IN_PROCESS_MAX_ROWS)) return commitPlan(ctx, plan, fileSha256, options);
  const now = ctx.clock.now().toISOString();
  const packed = await packWritePlan(plan);
  if (options.signal?.aborted) throw stoppedError();
  const request: WriteWorkerRequest = {
    path: db.path,
    ...(db.nativeBinding ? { nativeBinding: db.nativeBinding } : {}),
    shared: db.shared,
    actor: ctx.actor,
    now,
    ...(ctx.userDataDir ? { userDataDir: ctx.userDataDir } : {}),
    fileSha256,
    plan: packed,
  };
  const script = resolveWorkerScript(import.meta.url, WRITE_WORKER_ENTRY_NAME);
  const worker = new Worker(script.code, {
    eval: script.eval,
    workerData: request,
    transferList: writePlanTransferables(packed),
    resourceLimits: WRITE_WORKER_LIMITS.resourceLimits,
    stdin: false,
  });
  return new Promise<CommitResult>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', abort);
      // Resolved only after the thread has ended: its connection is closed by then, so nothing of this
      // import is still held when the caller goes on.
      void worker.terminate().finally(outcome);
    };
    const stopped = () => settle(() => reject(stoppedError()));
    const abort = () => stopped();
    const timer = setTimeout(stopped, WRITE_WORKER_LIMITS.timeLimitMs);
    if (options.signal?.aborted) stopped();
    else options.signal?.addEventListener('abort', abort);
    worker.on('message', (message: WriteWorkerMessage) => {
      if (message.type === 'progress') options.onProgress?.(message.rowsWritten);
      else if (message.type === 'done') settle(() => resolve(message.result));
      else settle(() => reject(errorOf(message.failure)));
    });
    worker.on('error', () => settle(() => reject(errorOf({ kind: 'other' }))));
    worker.on('exit', () => settle(() => reject(errorOf({ kind: 'other' }))));
  });
}
