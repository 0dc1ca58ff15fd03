import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase, type AppDatabase } from '../../db/open';
import { fixedClock, type ServiceContext } from '../context';
import { ServiceError } from '../errors/serviceError';
import { signedInContextSync } from '../session/actor';
import { commitPlan } from './commit';
import { importPlanned } from './importPlanned';
import { planImport } from './plan';
import { currentPlan, planAndRemember } from './planCache';
import { summaryOf } from './planSummary';
import type { ParsedWorkbook } from './types';
import type { WriteFailure, WriteWorkerAnswer, WriteWorkerCommand, WriteWorkerMessage, WriteWorkerRequest } from './writeWorkerMessages';
import { unpackWritePlan } from './writePlanTransfer';

/**
 * The import's database work on its own connection: checking 100,000 rows against the database (about a
 * second) and writing them (seconds) would otherwise freeze the window. The connection is opened as soon
 * as the worker starts, while the file is still being read, and kept while the preview is shown, so
 * «Importer» finds it open and warm; the checked plan stays here, so its rows never cross threads.
 *
 * The connection is opened by the app's openDatabase with the main connection's journal mode, so it has
 * the same pragmas (busy_timeout, synchronous, foreign keys) and takes part in SQLite's locking like any
 * other writer on the file; it holds no lock between requests. The write is still ONE transaction
 * (commit.ts): if this thread is stopped or the process dies before the commit, SQLite rolls it back (the
 * native module closes the connection when the thread ends; a crashed process leaves a journal that the
 * next open rolls back), so nothing is half-imported and nothing is ever visible before it is complete.
 */
const port = parentPort;
if (!port) throw new Error('Kjøres som worker');
const request = workerData as WriteWorkerRequest;

function post(message: WriteWorkerMessage): void {
  port!.postMessage(message);
}

function failureOf(error: unknown): WriteFailure {
  if (error instanceof ServiceError) return { kind: 'service', code: error.code, message: error.message, fieldErrors: error.fieldErrors };
  const code = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
  if (error instanceof Error && error.name === 'SqliteError' && typeof code === 'string') return { kind: 'sqlite', code };
  return { kind: 'other' };
}

const opening: Promise<AppDatabase> = openDatabase(request.path, {
  remote: request.shared,
  ...(request.nativeBinding ? { nativeBinding: request.nativeBinding } : {}),
});
// A failed open is answered to the first request; here it must not end the thread unheard.
opening.then(warm).catch(() => undefined);

/**
 * While the file is still being read: a check of no rows reads what every check reads (municipalities,
 * categories, all cases) and compiles that code, so the first real check finds them in the cache.
 */
function warm(db: AppDatabase): void {
  const now = new Date().toISOString();
  planImport({ db, actor: null, clock: fixedClock(now), session: { actor: null } }, { sha256: '', sheets: [] });
}
/** The file's rows, sent once with the first check. */
let workbook: ParsedWorkbook | null = null;
/** The plan cache (planCache.ts) is per thread; this worker serves one job. */
const JOB = 'import';

function contextOf(db: AppDatabase, command: WriteWorkerCommand): ServiceContext {
  return {
    db,
    actor: command.actor,
    clock: fixedClock(command.now),
    session: { actor: command.actor },
    ...(request.userDataDir ? { userDataDir: request.userDataDir } : {}),
  };
}

function fileRows(): ParsedWorkbook {
  if (!workbook) throw new Error('The import worker was asked before it was given the file');
  return workbook;
}

function answer(db: AppDatabase, command: WriteWorkerCommand): WriteWorkerAnswer {
  const ctx = contextOf(db, command);
  const onProgress = (rowsWritten: number) => post({ type: 'progress', rowsWritten });
  if (command.type !== 'write' && command.workbook) workbook = command.workbook;
  switch (command.type) {
    case 'plan':
      return summaryOf(planAndRemember(ctx, JOB, fileRows(), command.choice));
    case 'rejected':
      return planImport(ctx, fileRows(), command.choice).rejected;
    case 'import': {
      // The member is checked again on this connection: the write must not outlive a deactivation.
      const plan = currentPlan(ctx, JOB, fileRows(), command.choice);
      return importPlanned(signedInContextSync(ctx), plan, command.choice, command.fileSha256, onProgress);
    }
    case 'write':
      return commitPlan(signedInContextSync(ctx), unpackWritePlan(command.plan), command.fileSha256, { onProgress });
  }
}

port.on('message', (command: WriteWorkerCommand) => {
  opening.then((db) => post({ type: 'done', answer: answer(db, command) })).catch((error: unknown) => post({ type: 'failed', failure: failureOf(error) }));
});
