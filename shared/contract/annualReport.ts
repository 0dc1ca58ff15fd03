import { z } from '../validation/zodNorwegian';
import { yearSchema } from './common';
import { mutationChannel, queryChannel } from './channel';
import type { FileDto } from './common';
import { ANNUAL_REPORT_SECTION_KEYS, ANNUAL_REPORT_TEXT_MAX_LENGTH, type AnnualReportSection } from '../domain/annualReport';

export interface AnnualReportTextDto {
  section: AnnualReportSection;
  heading: string;
  /** What to write about; shown as the editor's placeholder, never printed. */
  hint: string;
  /** Null until someone writes it: the section then prints its tables only. */
  text: string | null;
  updatedAt: string | null;
  updatedBy: string | null;
  /** Sent back with a save, which is refused if a colleague changed the text since; 0 while there is no text. */
  version: number;
}

export interface AnnualReportTextsDto {
  year: number;
  sections: AnnualReportTextDto[];
}

export interface AnnualReportFilesDto {
  docx: FileDto;
  xlsx: FileDto;
}

export const annualReportChannels = {
  'annual-report:texts': queryChannel<AnnualReportTextsDto>()(
    z.strictObject({ year: yearSchema }),
    'Innledende tekster i årsrapporten for et år, én per kapittel',
    // Who wrote each text last.
    ['annual_report_texts', 'team_members'],
  ),
  // The audit row names the section written.
  'annual-report:save-text': mutationChannel<AnnualReportTextDto, AnnualReportSection>()(
    z.strictObject({
      year: yearSchema,
      section: z.enum(ANNUAL_REPORT_SECTION_KEYS),
      // An empty text removes the section's text; the section keeps its tables.
      text: z.string().trim().max(ANNUAL_REPORT_TEXT_MAX_LENGTH),
      // The version the editor read; 0: the section had no text then.
      version: z.number().int().min(0),
    }),
    'Lagre innledende tekst for et kapittel i årsrapporten',
    ['annual_report_texts', 'audit_log'],
  ),
  /** A mutation because it is audited: who made the report, for which year. Nothing else changes. */
  'annual-report:generate': mutationChannel<AnnualReportFilesDto, keyof AnnualReportFilesDto>()(
    z.strictObject({ year: yearSchema }),
    'Lag årsrapporten for et år som Word-dokument og regneark',
    ['audit_log'],
  ),
} as const;
