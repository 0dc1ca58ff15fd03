import { z } from '../validation/zodNorwegian';
import { mutationChannel, queryChannel } from './channel';
import type { FileDto } from './common';

/**
 * Importing the team's old Excel time sheets. The renderer reads the picked file and sends it as base64;
 * main parses it in a worker and keeps the parsed rows under a job id the renderer chose, so the user
 * can pick sheets and look at the preview before one transaction writes everything (or nothing).
 */
export const MAX_IMPORT_FILE_BYTES = 20 * 1024 * 1024;
/** base64 grows by 4/3: the schema refuses an oversized file before anyone decodes it. */
export const MAX_IMPORT_BASE64_LENGTH = Math.ceil(MAX_IMPORT_FILE_BYTES / 3) * 4;
export const IMPORT_FILE_TOO_LARGE = `Filen er for stor (over ${MAX_IMPORT_FILE_BYTES / 1024 / 1024} MB)`;
/** How many rejected rows one answer lists; the count is always exact and the rejected-rows sheet has all. */
export const MAX_LISTED_REJECTIONS = 500;

export const jobIdSchema = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, { message: 'Finner ikke importen. Les inn filen på nytt.' });
const sheetNamesSchema = z.array(z.string().max(100)).max(200);

export const readTimesheetInput = z.strictObject({
  jobId: jobIdSchema,
  fileName: z.string().trim().min(1).max(200),
  contentBase64: z.string().max(MAX_IMPORT_BASE64_LENGTH, { message: IMPORT_FILE_TOO_LARGE }),
});

/**
 * Rows equal to an entry already in the log (date, case, municipality, category, minutes) «finnes allerede»
 * and are skipped, so importing an export changes nothing; true imports them anyway (the user's choice).
 */
const includeExistingSchema = z.boolean().optional();

export const previewTimesheetInput = z.strictObject({
  jobId: jobIdSchema,
  /** Sheets to import; absent means every sheet with the five headings. */
  sheets: sheetNamesSchema.optional(),
  includeExisting: includeExistingSchema,
});

export const importTimesheetInput = z.strictObject({
  jobId: jobIdSchema,
  sheets: sheetNamesSchema.optional(),
  includeExisting: includeExistingSchema,
  /** Import only when no row is rejected; otherwise write nothing. */
  strict: z.boolean().optional(),
});

export interface ImportRejectionDto {
  sheet: string;
  /** Row number as Excel shows it. */
  row: number;
  reason: string;
}

export interface ImportSheetDto {
  name: string;
  /** Whether the five headings (Sak, Dato, Kommune, Hendelse, Tidsbruk) were found. */
  hasHeader: boolean;
  rowsRead: number;
  selected: boolean;
}

export interface ImportPreviewDto {
  jobId: string;
  fileName: string;
  sheets: ImportSheetDto[];
  rowsRead: number;
  rowsToImport: number;
  /** Rows imported before from a file (always skipped). */
  duplicates: number;
  /** Rows equal to an entry already in the log, «finnes allerede»: skipped unless `includeExisting`. */
  existing: number;
  includeExisting: boolean;
  /** Codes only: the code is the case's whole identity. */
  casesToCreate: string[];
  rejectedCount: number;
  rejected: ImportRejectionDto[];
  minutes: number;
  byMunicipality: { name: string; minutes: number }[];
  byCategory: { number: number; name: string; minutes: number }[];
}

export interface ImportSummaryDto {
  importId: number | null;
  rowsRead: number;
  imported: number;
  duplicatesSkipped: number;
  /** «Finnes allerede» rows left out (0 when the user chose to import them anyway). */
  existingSkipped: number;
  casesCreated: string[];
  rejectedCount: number;
  rejected: ImportRejectionDto[];
  /** False when `strict` refused the import because of rejected rows: nothing was written. */
  committed: boolean;
}

export interface ImportProgressDto {
  phase: 'venter' | 'leser' | 'kontrollerer' | 'lagrer' | 'ferdig' | 'feilet';
  rowsRead: number;
}

/** What the import's audit rows name for a case it creates (as cases:create would). */
type CreatedCaseField = 'code' | 'municipalityId' | 'status';

/** What an import plan checks the sheet's rows against: known values, existing cases and entries, rows imported before. */
const planTables = ['municipalities', 'categories', 'cases', 'time_entries', 'timesheet_import_rows', 'team_members'] as const;

export const timesheetChannels = {
  // Queries: they read and parse, and write nothing to the database; the file read waits in memory as an import job.
  'timesheet:read-file': queryChannel<ImportPreviewDto>()(readTimesheetInput, 'Les et gammelt timeark (.xlsx) og vis forhåndsvisning', planTables, {
    writes: ['import_jobs'],
  }),
  'timesheet:preview': queryChannel<ImportPreviewDto>()(previewTimesheetInput, 'Forhåndsvisning av import for valgte ark', ['import_jobs', ...planTables]),
  'timesheet:progress': queryChannel<ImportProgressDto>()(z.strictObject({ jobId: jobIdSchema }), 'Framdrift for en import', [
    'import_jobs',
    // Only the member who read the file may follow it.
    'team_members',
  ]),
  'timesheet:rejected-rows': queryChannel<FileDto>()(previewTimesheetInput, 'Avviste rader som regneark, for retting og ny import', [
    'import_jobs',
    ...planTables,
  ]),
  'timesheet:import': mutationChannel<ImportSummaryDto, 'rows' | CreatedCaseField>()(importTimesheetInput, 'Importer timeark i én transaksjon', [
    'import_jobs',
    // Case codes the team has not registered become imported cases.
    'cases',
    'time_entries',
    'time_totals_daily',
    'timesheet_imports',
    'timesheet_import_rows',
    'audit_log',
  ]),
} as const;
