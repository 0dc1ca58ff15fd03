import { z } from '../validation/zodNorwegian';
import { queryChannel } from './channel';
import type { CaseDto } from './cases/cases';

export interface ActiveCaseDto extends CaseDto {
  /** Whole weeks since discharge/release (or since start when there was no institution stay); null before discharge. */
  weeksSinceDischarge: number | null;
  longFollowUp: boolean;
}

export interface AfterContactDto extends CaseDto {
  dueDate: string;
  overdue: boolean;
}

export interface OverviewDto {
  today: string;
  warningWeeks: number;
  active: ActiveCaseDto[];
  afterContacts: AfterContactDto[];
  missingRiskAssessment: CaseDto[];
  missingSecondStaff: CaseDto[];
  waitingReferrals: CaseDto[];
  /** Active cases the signed-in member follows; empty when nobody is signed in (the command line). */
  myCases: CaseDto[];
  /** The signed-in member's hours this week (Monday to today's Sunday), or null when nobody is signed in. */
  myWeek: { weekStart: string; minutes: number; entries: number } | null;
}

export const overviewChannels = {
  'overview:get': queryChannel<OverviewDto>()(z.strictObject({}), 'Oversikt: aktive saker, etteroppfølginger og det som mangler', [
    'cases',
    'case_staff',
    'team_members',
    'municipalities',
    'time_entries',
    // «Mine timer denne uken» counts the member's participant rows.
    'time_entry_participants',
    // How many weeks of follow-up count as long.
    'settings',
  ]),
} as const;
