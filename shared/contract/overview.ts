import { z } from '../validation/zodNorwegian';
import { queryChannel } from './channel';
import type { CaseDto } from './cases/cases';

/**
 * Why an active case needs the team to act, or null when it does not. `quiet`: the follow-up has run the
 * warning weeks and nobody has logged time on it for QUIET_DAYS — finished but not closed, or forgotten.
 * `discharged`: the user is out of the institution but the follow-up has not been started.
 */
export type ActiveCaseAttention = 'quiet' | 'discharged';

/** Days without time logged on a long follow-up before Oversikt asks whether it should be closed. */
export const QUIET_DAYS = 14;

export interface ActiveCaseDto extends CaseDto {
  /** Whole weeks since discharge/release (or since start when there was no institution stay); null before discharge. */
  weeksSinceDischarge: number | null;
  /** The follow-up has run at least the warning weeks: longer than planned, not by itself a problem. */
  longFollowUp: boolean;
  /** The newest entry logged on the case, by anyone; null when none. */
  lastEntryDate: string | null;
  attention: ActiveCaseAttention | null;
}

export interface AfterContactDto extends CaseDto {
  dueDate: string;
  overdue: boolean;
  /** The case's version, which recording the contact (done or not possible) sends back. */
  version: number;
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
    // A three-month contact that was not possible is no longer due.
    'after_contact_not_possible',
  ]),
} as const;
