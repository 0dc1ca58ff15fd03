import { Worker } from 'node:worker_threads';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors/serviceError';
import { resolveWorkerScript, WRITE_WORKER_ENTRY_NAME } from './workerPath';
import type { WriteFailure, WriteWorkerAnswer, WriteWorkerCommand, WriteWorkerMessage, WriteWorkerRequest } from './writeWorkerMessages';

/**
 * Our own code, so no hostile-input cap on time: generous, for a slow network share. The heap holds the
 * file's rows and their plan once (some tens of MB at 100,000); SQLite's page cache is outside it. A small
 * young generation: the plan's rows are allocated once and kept, so a large nursery only adds to the RSS.
 */
const SESSION_LIMITS = { resourceLimits: { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 8 }, requestTimeLimitMs: 10 * 60 * 1000 };

export const stoppedError = () => new ServiceError('internal', 'Importen ble stoppet. Ingenting ble lagret.');

/** The failure as the error main would have thrown, so the dispatcher answers exactly as before (busy, disk full …). */
function errorOf(failure: WriteFailure): Error {
  if (failure.kind === 'service') return new ServiceError(failure.code, failure.message, failure.fieldErrors);
  const error = new Error('Importen kunne ikke lagres');
  if (failure.kind === 'sqlite') return Object.assign(error, { name: 'SqliteError', code: failure.code });
  return error;
}

/** Whether the database can be opened a second time, by a worker: an in-memory one cannot. */
export function canOpenTwice(ctx: ServiceContext): boolean {
  return ctx.db.path !== ':memory:' && ctx.db.path !== '';
}

export interface SessionRequestOptions {
  onProgress?: (rowsWritten: number) => void;
  /** Stops the worker: an open transaction is rolled back and the request rejects. */
  signal?: AbortSignal;
  transfer?: ArrayBuffer[];
}

/**
 * The worker (writeWorker.ts) that checks and writes one import on its own connection. Started as soon as
 * a large file is picked, so the thread and its connection are ready by the time the file is read; kept
 * while the preview is shown; ended when the import is written or given up. Requests run one at a time.
 * While idle the worker does not keep the process alive (the command line must be able to end).
 */
export class ImportSession {
  private readonly worker: Worker;
  private pending: Promise<unknown> = Promise.resolve();
  private ended = false;
  /** Requests sent or queued and not yet answered. */
  private inFlight = 0;
  /** Set when the session is replaced while a request is under way: it ends once that request is answered. */
  private retired = false;
  /** Whether the worker has been given the file's rows (sent once, with the first check). */
  hasFile = false;

  constructor(ctx: ServiceContext) {
    const request: WriteWorkerRequest = {
      path: ctx.db.path,
      ...(ctx.db.nativeBinding ? { nativeBinding: ctx.db.nativeBinding } : {}),
      shared: ctx.db.shared,
      ...(ctx.userDataDir ? { userDataDir: ctx.userDataDir } : {}),
    };
    const script = resolveWorkerScript(import.meta.url, WRITE_WORKER_ENTRY_NAME);
    this.worker = new Worker(script.code, {
      eval: script.eval,
      ...(script.execArgv ? { execArgv: script.execArgv } : {}),
      workerData: request,
      resourceLimits: SESSION_LIMITS.resourceLimits,
      stdin: false,
    });
    this.worker.unref();
    // Errors are answered to the request that is waiting; an idle worker's end only ends the session.
    this.worker.on('error', () => undefined);
    this.worker.on('exit', () => (this.ended = true));
  }

  get alive(): boolean {
    return !this.ended;
  }

  /** Sends one command and waits for its answer, after any request already under way. */
  request<T extends WriteWorkerAnswer>(command: WriteWorkerCommand, options: SessionRequestOptions = {}): Promise<T> {
    this.inFlight += 1;
    const run = this.pending.then(() => this.send<T>(command, options));
    const done = () => {
      this.inFlight -= 1;
      if (this.retired && this.inFlight === 0) void this.close();
    };
    this.pending = run.then(done, done);
    return run;
  }

  /** Ends the worker now when idle, else once its requests are answered: an import being written is never cut off by a new file. */
  retire(): void {
    this.retired = true;
    if (this.inFlight === 0) void this.close();
  }

  /** Ends the worker (and so its connection; an open transaction is rolled back). Resolves when it has ended. */
  async close(): Promise<void> {
    this.ended = true;
    await this.worker.terminate();
  }

  private send<T extends WriteWorkerAnswer>(command: WriteWorkerCommand, options: SessionRequestOptions): Promise<T> {
    const worker = this.worker;
    if (this.ended) return Promise.reject(errorOf({ kind: 'other' }));
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const settle = (outcome: () => void, end = false) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onFailure);
        worker.off('exit', onFailure);
        options.signal?.removeEventListener('abort', stopped);
        worker.unref();
        // A stopped or failed worker is ended before the caller hears of it: nothing of it is still held then.
        if (end) void this.close().finally(outcome);
        else outcome();
      };
      const stopped = () => settle(() => reject(stoppedError()), true);
      const onFailure = () => settle(() => reject(errorOf({ kind: 'other' })), true);
      const onMessage = (message: WriteWorkerMessage) => {
        if (message.type === 'progress') options.onProgress?.(message.rowsWritten);
        else if (message.type === 'done') settle(() => resolve(message.answer as T));
        else settle(() => reject(errorOf(message.failure)));
      };
      const timer = setTimeout(stopped, SESSION_LIMITS.requestTimeLimitMs);
      if (options.signal?.aborted) return stopped();
      options.signal?.addEventListener('abort', stopped);
      worker.on('message', onMessage);
      worker.on('error', onFailure);
      worker.on('exit', onFailure);
      // Held while a request is under way, so the process waits for its answer.
      worker.ref();
      worker.postMessage(command, options.transfer ?? []);
    });
  }
}

/** The one session kept, for the job whose preview was shown last (like the plan cache: one large plan at a time). */
let live: { jobId: string; session: ImportSession } | null = null;

/** The job's session if it is still running, else null. */
export function sessionOf(jobId: string): ImportSession | null {
  return live && live.jobId === jobId && live.session.alive ? live.session : null;
}

/** Starts a session for the job, ending the one kept for another job (once it has answered what it is doing). */
export function startSession(ctx: ServiceContext, jobId: string): ImportSession {
  live?.session.retire();
  const session = new ImportSession(ctx);
  live = { jobId, session };
  return session;
}

/** Ends the kept session (e.g. before the database file is closed or replaced). Resolves when its worker has ended. */
export async function endSession(jobId?: string): Promise<void> {
  if (!live || (jobId !== undefined && live.jobId !== jobId)) return;
  const { session } = live;
  live = null;
  await session.close();
}
