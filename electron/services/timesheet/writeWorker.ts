import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase, type AppDatabase } from '../../db/open';
import { fixedClock } from '../context';
import { ServiceError } from '../errors/serviceError';
import { signedInContext } from '../session/actor';
import { commitPlan } from './commit';
import type { WriteFailure, WriteWorkerMessage, WriteWorkerRequest } from './writeWorkerMessages';
import { unpackWritePlan } from './writePlanTransfer';

/**
 * Writes one import on its own connection, so the main thread (window, other calls) keeps running while
 * 100,000 rows go in. The connection is opened by the app's openDatabase with the main connection's
 * journal mode, so it has the same pragmas (busy_timeout, synchronous, foreign keys) and takes part in
 * SQLite's locking like any other writer on the file. The write is still ONE transaction (commit.ts):
 * if this thread is stopped or the process dies before the commit, SQLite rolls it back (the native
 * module closes the connection when the thread ends; a crashed process leaves a journal that the next
 * open rolls back), so nothing is half-imported and nothing is ever visible before it is complete.
 */
const port = parentPort;
if (!port) throw new Error('Kjøres som worker');

function post(message: WriteWorkerMessage): void {
  port!.postMessage(message);
}

function failureOf(error: unknown): WriteFailure {
  if (error instanceof ServiceError) return { kind: 'service', code: error.code, message: error.message, fieldErrors: error.fieldErrors };
  const code = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
  if (error instanceof Error && error.name === 'SqliteError' && typeof code === 'string') return { kind: 'sqlite', code };
  return { kind: 'other' };
}

async function main(request: WriteWorkerRequest): Promise<void> {
  let db: AppDatabase | null = null;
  try {
    db = await openDatabase(request.path, { remote: request.shared, ...(request.nativeBinding ? { nativeBinding: request.nativeBinding } : {}) });
    // The member is checked again on this connection: the write must not outlive a deactivation.
    const ctx = signedInContext({
      db,
      actor: request.actor,
      clock: fixedClock(request.now),
      session: { actor: request.actor },
      ...(request.userDataDir ? { userDataDir: request.userDataDir } : {}),
    });
    const result = commitPlan(ctx, unpackWritePlan(request.plan), request.fileSha256, {
      onProgress: (rowsWritten) => post({ type: 'progress', rowsWritten }),
    });
    db.close();
    db = null;
    post({ type: 'done', result });
  } catch (error) {
    post({ type: 'failed', failure: failureOf(error) });
  } finally {
    db?.close();
  }
}

// The request comes as workerData: it is there before this module runs, however long loading takes.
void main(workerData as WriteWorkerRequest);
