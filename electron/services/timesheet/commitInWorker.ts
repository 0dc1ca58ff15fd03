import type { SignedInContext } from '../context';
import { commitPlan, type CommitResult, type WritePlan } from './commit';
import { canOpenTwice, ImportSession, stoppedError } from './importSession';
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
 * A small import is checked and written on the calling thread: its whole transaction takes a few tens of
 * ms, less than starting a worker and opening a second connection, and far inside the 100 ms a call may
 * hold the main thread. (From source, under tsx, a worker start also compiles the database code: seconds.)
 */
export const IN_PROCESS_MAX_ROWS = 1_000;

/**
 * Writes a plan made elsewhere from a worker on its own connection (the import's own path checks and
 * writes in the worker, importSession.ts, so its rows never cross). Resolves once the transaction has
 * committed and the worker has ended. An in-memory database cannot be opened twice; it (only a test's or
 * the recovery stand-in, which refuses writes anyway) is written on the calling thread, as is a small plan.
 */
export async function commitInWorker(ctx: SignedInContext, plan: WritePlan, fileSha256: string, options: CommitInWorkerOptions = {}): Promise<CommitResult> {
  if (!canOpenTwice(ctx) || plan.accepted.length <= (options.inProcessMaxRows ?? IN_PROCESS_MAX_ROWS)) return commitPlan(ctx, plan, fileSha256, options);
  const now = ctx.clock.now().toISOString();
  const packed = await packWritePlan(plan);
  if (options.signal?.aborted) throw stoppedError();
  const session = new ImportSession(ctx);
  try {
    return await session.request<CommitResult>(
      { type: 'write', plan: packed, fileSha256, actor: ctx.actor, now },
      { transfer: writePlanTransferables(packed), ...options },
    );
  } finally {
    // Resolved only after the thread has ended: its connection is closed by then.
    await session.close();
  }
}
