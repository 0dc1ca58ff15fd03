import type { ApiErrorCode } from '@shared/contract';
import type { Actor } from '../context';
import type { CommitResult } from './commit';
import type { PackedWritePlan } from './writePlanTransfer';

/** What the writing worker is given: where the database is and how the main connection opened it, who writes, and the plan. */
export interface WriteWorkerRequest {
  path: string;
  nativeBinding?: string;
  /** The main connection's mode: the worker must open the file with the same journal (never WAL on a share). */
  shared: boolean;
  actor: Actor;
  /** The caller's clock, so the rows and the audit carry the same time as everything else in the call. */
  now: string;
  userDataDir?: string;
  fileSha256: string;
  plan: PackedWritePlan;
}

export type WriteWorkerMessage = { type: 'progress'; rowsWritten: number } | { type: 'done'; result: CommitResult } | { type: 'failed'; failure: WriteFailure };

/**
 * Why the write failed, so main answers as if it had thrown the error itself: SQLite's code (busy, disk
 * full …) but never its message, which can quote values from a row; a service error whole (its text is
 * the Norwegian answer); anything else by name only.
 */
export type WriteFailure =
  { kind: 'sqlite'; code: string } | { kind: 'service'; code: ApiErrorCode; message: string; fieldErrors: Record<string, string> } | { kind: 'other' };
