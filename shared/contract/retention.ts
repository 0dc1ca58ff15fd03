import { z } from '../validation/zodNorwegian';
import { emptyInput, idSchema } from './common';
import { mutationChannel, queryChannel } from './channel';
import type { DataTable } from '../domain/dataTables';

/** A retention rule's name: the table it deletes from, or the table and what it clears there. */
export type RetentionRuleKey = DataTable | `${DataTable}.${string}`;

export interface RetentionRuleCountDto {
  key: RetentionRuleKey;
  /** Norwegian: what the rule removes. */
  label: string;
  rows: number;
}

export interface RetentionPreviewDto {
  retentionYears: number;
  /** Cases closed on or before this date are due. */
  cutoffDate: string;
  cases: { id: number; code: string; closedDate: string }[];
  rules: RetentionRuleCountDto[];
}

export interface RetentionRunDto {
  reducedCases: number;
  rules: RetentionRuleCountDto[];
  /** The annual figures compared before and after, by year. */
  yearsChecked: number[];
  fileBytesBefore: number;
  fileBytesAfter: number;
  /** False when the reduction was saved but rewriting the file (VACUUM) failed every attempt. */
  compacted: boolean;
  /** Norwegian: what is not done yet and where the removed text may still be, or null when nothing is. */
  warning: string | null;
  /** Backup copies taken before this run: they still hold the removed text until they are rotated away. */
  backupsHoldingRemovedText: string[];
}

/** What the reduction rules (electron/services/retention/rules.ts) remove or clear, and the cases they mark reduced. */
const reducedTables = [
  'cases',
  'case_goals',
  'case_domain_ratings',
  'case_contacts',
  'case_staff',
  'evaluation_answers',
  'time_entries',
  'after_contact_not_possible',
] as const;

export const retentionChannels = {
  'retention:preview': queryChannel<RetentionPreviewDto>()(emptyInput, 'Hva oppbevaringsregelen vil fjerne nå (bare administrator)', [
    'settings',
    'team_members',
    ...reducedTables,
  ]),
  // The audit row names the rules that removed something.
  'retention:run': mutationChannel<RetentionRunDto, RetentionRuleKey>()(
    // The ids from the preview the administrator confirmed: a case that became due since is not touched.
    z.strictObject({ caseIds: z.array(idSchema).min(1).max(10_000) }),
    'Reduser forfalte avsluttede saker til statistikk og komprimer databasefilen (bare administrator)',
    [...reducedTables, 'audit_log'],
  ),
} as const;
