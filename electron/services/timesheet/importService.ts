import type { ChannelParsedInput } from '@shared/contract';
import type { FileDto } from '@shared/contract/common';
import type { ImportPreviewDto, ImportProgressDto, ImportRejectionDto, ImportSummaryDto } from '@shared/contract/timesheet';
import { MAX_IMPORT_FILE_BYTES, IMPORT_FILE_TOO_LARGE } from '@shared/contract/timesheet';
import type { ServiceContext, SignedInContext } from '../context';
import { invalidField } from '../errors/serviceError';
import { IN_PROCESS_MAX_ROWS } from './commitInWorker';
import { FileRefusedError } from './fileErrors';
import { findJob, requireReadJob, startJob, type ImportJob } from './jobs';
import { importPlanned, type ImportChoice } from './importPlanned';
import { planImport, type PlanChoice } from './plan';
import { currentPlan, planAndRemember } from './planCache';
import { summaryOf, type PlanSummary } from './planSummary';
import { canOpenTwice, endSession, sessionOf, startSession, type ImportSession } from './importSession';
import { summarisePlan } from './previewSummary';
import { rejectedRowsSheet } from './rejectedRows';
import { parseInWorker } from './runWorker';
import type { ParsedWorkbook } from './types';

/**
 * From this size on a file is taken to be large enough to be checked and written in a worker, which is
 * then started before the file is read, so its start and connection overlap the reading. (About 30 bytes
 * a row zipped: some 2,000 rows.) A file that turns out smaller only costs the idle worker's start.
 */
const EARLY_SESSION_BYTES = 64 * 1024;

function decodeFile(contentBase64: string): Buffer {
  // The schema caps the base64 length; this catches padding tricks and is cheap.
  const bytes = Buffer.from(contentBase64, 'base64');
  if (bytes.length > MAX_IMPORT_FILE_BYTES) throw invalidField('contentBase64', IMPORT_FILE_TOO_LARGE);
  if (bytes.length === 0) throw invalidField('contentBase64', 'Filen er tom');
  return bytes;
}

const rowCount = (workbook: ParsedWorkbook) => workbook.sheets.reduce((sum, sheet) => sum + sheet.rows.count, 0);

/**
 * The worker that checks and writes this job, or null when the job is checked on the calling thread: a
 * small file (a worker's start costs more than its check), or a database that cannot be opened twice.
 */
function sessionFor(ctx: ServiceContext, job: ImportJob & { workbook: ParsedWorkbook }): ImportSession | null {
  if (!canOpenTwice(ctx) || rowCount(job.workbook) <= IN_PROCESS_MAX_ROWS) return null;
  return sessionOf(job.id) ?? startSession(ctx, job.id);
}

const caller = (ctx: ServiceContext) => ({ actor: ctx.actor!, now: ctx.clock.now().toISOString() });

/**
 * The file's rows for the worker's first request. Copied, not moved: the job keeps them for a new worker
 * (the kept one ends when another file is read) and for the rejected-rows sheet. Typed arrays: a memcpy.
 */
function fileFor(session: ImportSession, job: ImportJob & { workbook: ParsedWorkbook }): { workbook?: ParsedWorkbook } {
  if (session.hasFile) return {};
  session.hasFile = true;
  return { workbook: job.workbook };
}

/** Checks the job's rows with the user's choice (in the job's worker when it has one) and keeps the plan for «Importer». */
async function planSummary(ctx: ServiceContext, job: ImportJob & { workbook: ParsedWorkbook }, choice: PlanChoice): Promise<PlanSummary> {
  const session = sessionFor(ctx, job);
  if (!session) return summaryOf(planAndRemember(ctx, job.id, job.workbook, choice));
  return session.request<PlanSummary>({ type: 'plan', choice, ...fileFor(session, job), ...caller(ctx) });
}

/** Reads the file in a worker, keeps the rows under the job id and answers with the preview for every sheet. */
export async function readTimesheet(ctx: SignedInContext, input: ChannelParsedInput<'timesheet:read-file'>): Promise<ImportPreviewDto> {
  const { actor } = ctx;
  const bytes = decodeFile(input.contentBase64);
  const job = startJob(input.jobId, input.fileName, actor.id);
  if (canOpenTwice(ctx) && bytes.length >= EARLY_SESSION_BYTES) startSession(ctx, job.id);
  try {
    job.workbook = await parseInWorker(bytes, { onProgress: (rowsRead) => (job.progress = { phase: 'leser', rowsRead }) });
  } catch (error) {
    job.progress = { ...job.progress, phase: 'feilet' };
    await endSession(job.id);
    if (error instanceof FileRefusedError) throw invalidField('contentBase64', error.message);
    throw error;
  }
  job.progress = { phase: 'kontrollerer', rowsRead: job.progress.rowsRead };
  const readJob = job as ImportJob & { workbook: ParsedWorkbook };
  if (!sessionFor(ctx, readJob)) await endSession(job.id);
  const plan = await planSummary(ctx, readJob, {});
  job.progress = { phase: 'venter', rowsRead: plan.rowsRead };
  return summarisePlan(ctx, job.id, job.fileName, plan);
}

export async function previewTimesheet(ctx: SignedInContext, input: ChannelParsedInput<'timesheet:preview'>): Promise<ImportPreviewDto> {
  const job = requireReadJob(input.jobId, ctx.actor.id);
  return summarisePlan(ctx, job.id, job.fileName, await planSummary(ctx, job, input), input.includeExisting ?? false);
}

export function timesheetProgress(ctx: SignedInContext, input: ChannelParsedInput<'timesheet:progress'>): ImportProgressDto {
  const job = findJob(input.jobId, ctx.actor.id);
  return job ? job.progress : { phase: 'venter', rowsRead: 0 };
}

export async function rejectedRowsFile(ctx: SignedInContext, input: ChannelParsedInput<'timesheet:rejected-rows'>): Promise<FileDto> {
  const job = requireReadJob(input.jobId, ctx.actor.id);
  const session = sessionFor(ctx, job);
  const rejected = session
    ? await session.request<ImportRejectionDto[]>({ type: 'rejected', choice: input, ...fileFor(session, job), ...caller(ctx) })
    : planImport(ctx, job.workbook, input).rejected;
  return rejectedRowsSheet(job.fileName, job.workbook, rejected);
}

/**
 * Checks again against the database as it is now (the preview's plan when nothing can have changed since),
 * then writes every accepted row in one transaction: for a large file in the job's worker, on its own
 * connection (importSession.ts), so the window is not frozen while it runs.
 */
export async function importTimesheet(ctx: SignedInContext, input: ChannelParsedInput<'timesheet:import'>): Promise<ImportSummaryDto> {
  const job = requireReadJob(input.jobId, ctx.actor.id);
  const choice: ImportChoice = input;
  const session = sessionFor(ctx, job);
  const rowsRead = job.progress.rowsRead;
  job.progress = { phase: 'lagrer', rowsRead };
  try {
    const summary = session
      ? await session
          .request<ImportSummaryDto>({ type: 'import', choice, fileSha256: job.workbook.sha256, ...fileFor(session, job), ...caller(ctx) })
          // Ended whatever the outcome: its connection is closed before the caller hears of the import.
          .finally(async () => {
            await endSession(job.id);
            // Also when a newer file's session has replaced it as the kept one.
            await session.close();
          })
      : importPlanned(ctx, currentPlan(ctx, job.id, job.workbook, choice), choice, job.workbook.sha256);
    job.progress = { phase: summary.committed ? 'ferdig' : 'venter', rowsRead: summary.rowsRead };
    return summary;
  } catch (error) {
    job.progress = { phase: 'feilet', rowsRead };
    throw error;
  }
}
