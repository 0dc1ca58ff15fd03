import type { ApiErrorCode } from '@shared/contract';
import type { ImportRejectionDto, ImportSummaryDto } from '@shared/contract/timesheet';
import type { Actor } from '../context';
import type { CommitResult } from './commit';
import type { ImportChoice } from './importPlanned';
import type { PlanChoice } from './plan';
import type { PlanSummary } from './planSummary';
import type { ParsedWorkbook } from './types';
import type { PackedWritePlan } from './writePlanTransfer';

/** What the import's worker is given at start: where the database is and how the main connection opened it. */
export interface WriteWorkerRequest {
  path: string;
  nativeBinding?: string;
  /** The main connection's mode: the worker must open the file with the same journal (never WAL on a share). */
  shared: boolean;
  userDataDir?: string;
}

/** Who asks, and the caller's clock, so the plan, the rows and the audit carry the same time as the rest of the call. */
interface Caller {
  actor: Actor;
  now: string;
}

/** The file's rows, sent with the worker's first request only (importService.ts). */
interface WithFile {
  workbook?: ParsedWorkbook;
}

/**
 * The import's worker answers one request at a time: check the file's rows (the file is sent once, with
 * the first check), list every rejected row, import the checked rows, or write a plan made elsewhere.
 */
export type WriteWorkerCommand =
  | ({ type: 'plan'; choice: PlanChoice } & WithFile & Caller)
  | ({ type: 'rejected'; choice: PlanChoice } & WithFile & Caller)
  | ({ type: 'import'; choice: ImportChoice; fileSha256: string } & WithFile & Caller)
  | ({ type: 'write'; plan: PackedWritePlan; fileSha256: string } & Caller);

export type WriteWorkerAnswer = PlanSummary | ImportRejectionDto[] | ImportSummaryDto | CommitResult;

export type WriteWorkerMessage =
  { type: 'progress'; rowsWritten: number } | { type: 'done'; answer: WriteWorkerAnswer } | { type: 'failed'; failure: WriteFailure };

/**
 * Why a request failed, so main answers as if it had thrown the error itself: SQLite's code (busy, disk
 * full …) but never its message, which can quote values from a row; a service error whole (its text is
 * the Norwegian answer); anything else by name only.
 */
export type WriteFailure =
  { kind: 'sqlite'; code: string } | { kind: 'service'; code: ApiErrorCode; message: string; fieldErrors: Record<string, string> } | { kind: 'other' };
