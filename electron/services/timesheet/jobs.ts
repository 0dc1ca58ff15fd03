import type { ImportProgressDto } from '@shared/contract/timesheet';
import { notFound } from '../errors/serviceError';
import { JOB_LIMITS } from './limits';
import type { ParsedWorkbook } from './types';

export interface ImportJob {
  id: string;
  fileName: string;
  /** Only the member who read the file may preview and import it. */
  ownerId: number;
  startedAt: number;
  progress: ImportProgressDto;
  workbook: ParsedWorkbook | null;
}

/**
 * Parsed files waiting for «Importer», by job id (chosen by the renderer, so it can ask for progress
 * while the file is still being read). A Map keyed by id: the id is validated by the contract, but a
 * Map never lets any key reach an object prototype. Bounded in number and age.
 */
const jobs = new Map<string, ImportJob>();

export function startJob(id: string, fileName: string, ownerId: number, now = Date.now()): ImportJob {
  for (const [key, job] of jobs) if (now - job.startedAt > JOB_LIMITS.maxAgeMs) jobs.delete(key);
  jobs.delete(id);
  while (jobs.size >= JOB_LIMITS.maxJobs) jobs.delete(jobs.keys().next().value!);
  const job: ImportJob = { id, fileName, ownerId, startedAt: now, progress: { phase: 'leser', rowsRead: 0 }, workbook: null };
  jobs.set(id, job);
  return job;
}

export function findJob(id: string, ownerId: number): ImportJob | undefined {
  const job = jobs.get(id);
  return job && job.ownerId === ownerId ? job : undefined;
}

export function requireReadJob(id: string, ownerId: number): ImportJob & { workbook: ParsedWorkbook } {
  const job = findJob(id, ownerId);
  if (!job?.workbook) throw notFound('Filen er ikke lest inn (eller er for gammel). Velg filen på nytt.', 'jobId');
  return job as ImportJob & { workbook: ParsedWorkbook };
}

export function dropJob(id: string): void {
  jobs.delete(id);
}
