import type { ChannelParsedInput } from '@shared/contract';
import type { FileDto } from '@shared/contract/common';
import type { ImportPreviewDto, ImportProgressDto, ImportSummaryDto } from '@shared/contract/timesheet';
import { MAX_IMPORT_FILE_BYTES, MAX_LISTED_REJECTIONS, IMPORT_FILE_TOO_LARGE } from '@shared/contract/timesheet';
import type { SignedInContext } from '../context';
import { invalidField, ServiceError } from '../errors/serviceError';
import { writePlanOf } from './commit';
import { commitInWorker } from './commitInWorker';
import { FileRefusedError } from './fileErrors';
import { findJob, requireReadJob, startJob } from './jobs';
import { planImport, type ImportPlan } from './plan';
import { currentPlan, planAndRemember } from './planCache';
import { summarisePlan } from './previewSummary';
import { rejectedRowsSheet } from './rejectedRows';
import { parseInWorker } from './runWorker';

function decodeFile(contentBase64: string): Buffer {
  // The schema caps the base64 length; this catches padding tricks and is cheap.
  const bytes = Buffer.from(contentBase64, 'base64');
  if (bytes.length > MAX_IMPORT_FILE_BYTES) throw invalidField('contentBase64', IMPORT_FILE_TOO_LARGE);
  if (bytes.length === 0) throw invalidField('contentBase64', 'Filen er tom');
  return bytes;
}

/** Reads the file in a worker, keeps the rows under the job id and answers with the preview for every sheet. */
export async function readTimesheet(ctx: SignedInContext, input: ChannelParsedInput<'timesheet:read-file'>): Promise<ImportPreviewDto> {
  const { actor } = ctx;
  const bytes = decodeFile(input.contentBase64);
  const job = startJob(input.jobId, input.fileName, actor.id);
  try {
    job.workbook = await parseInWorker(bytes, { onProgress: (rowsRead) => (job.progress = { phase: 'leser', rowsRead }) });
  } catch (error) {
    job.progress = { ...job.progress, phase: 'feilet' };
    if (error instanceof FileRefusedError) throw invalidField('contentBase64', error.message);
    throw error;
  }
  job.progress = { phase: 'kontrollerer', rowsRead: job.progress.rowsRead };
  const plan = planAndRemember(ctx, job.id, job.workbook);
  job.progress = { phase: 'venter', rowsRead: plan.rowsRead };
  return summarisePlan(ctx, job.id, job.fileName, plan);
}

export function previewTimesheet(ctx: SignedInContext, input: ChannelParsedInput<'timesheet:preview'>): ImportPreviewDto {
  const job = requireReadJob(input.jobId, ctx.actor.id);
  return summarisePlan(ctx, job.id, job.fileName, planAndRemember(ctx, job.id, job.workbook, input), input.includeExisting ?? false);
}

export function timesheetProgress(ctx: SignedInContext, input: ChannelParsedInput<'timesheet:progress'>): ImportProgressDto {
  const job = findJob(input.jobId, ctx.actor.id);
  return job ? job.progress : { phase: 'venter', rowsRead: 0 };
}

export function rejectedRowsFile(ctx: SignedInContext, input: ChannelParsedInput<'timesheet:rejected-rows'>): Promise<FileDto> {
  const job = requireReadJob(input.jobId, ctx.actor.id);
  const plan = planImport(ctx, job.workbook, input);
  return rejectedRowsSheet(job.fileName, job.workbook, plan.rejected);
}

function listed(plan: ImportPlan) {
  return plan.rejected.slice(0, MAX_LISTED_REJECTIONS);
}

/**
 * Checks again against the database as it is now (the preview's plan when nothing can have changed since),
 * then writes every accepted row in one transaction, from a worker on its own connection (commitInWorker.ts)
 * so the window is not frozen while it runs.
 */
export async function importTimesheet(ctx: SignedInContext, input: ChannelParsedInput<'timesheet:import'>): Promise<ImportSummaryDto> {
  const job = requireReadJob(input.jobId, ctx.actor.id);
  const plan = currentPlan(ctx, job.id, job.workbook, input);
  const base = { rowsRead: plan.rowsRead, rejectedCount: plan.rejected.length, rejected: listed(plan) };
  if (plan.rowsRead === 0) throw new ServiceError('validation', 'Ingen rader å importere i de valgte arkene', { sheets: 'Velg minst ett ark med rader' });
  const existingSkipped = input.includeExisting ? 0 : plan.existing;
  if (input.strict && plan.rejected.length > 0) {
    return { ...base, importId: null, imported: 0, duplicatesSkipped: plan.duplicates, existingSkipped, casesCreated: [], committed: false };
  }
  if (plan.accepted.length === 0 && plan.duplicates === 0 && plan.existing === 0) {
    throw new ServiceError('validation', 'Ingen rader kunne importeres: alle ble avvist', {});
  }
  job.progress = { phase: 'lagrer', rowsRead: plan.rowsRead };
  try {
    const result = await commitInWorker(ctx, writePlanOf(plan), job.workbook.sha256);
    job.progress = { phase: 'ferdig', rowsRead: plan.rowsRead };
    return { ...base, ...result, existingSkipped, committed: true };
  } catch (error) {
    job.progress = { phase: 'feilet', rowsRead: plan.rowsRead };
    throw error;
  }
}
