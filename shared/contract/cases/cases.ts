import { z } from '../../validation/zodNorwegian';
import { idSchema, isoDateSchema, sortDirectionSchema, versionField, yearSchema } from '../common';
import { mutationChannel, queryChannel } from '../channel';
import { CASE_STATUSES, type CaseStatus } from '../../domain/caseStatus';
import { isCaseCode } from '../../caseCode';
import type { AfterContactMissReason } from '../../domain/afterContact';
import type { CaseContactRole, ClosureReason, ContactKind, GoalStatus, InstitutionKind, RatingLevel, RatingOccasion } from '../../domain/caseLife';

export interface CaseStaffDto {
  id: number;
  initials: string;
  displayName: string;
}

export interface CaseDto {
  id: number;
  code: string;
  municipalityId: number;
  municipalityName: string;
  year: number;
  runningNumber: number;
  status: CaseStatus;
  referralDate: string | null;
  startDate: string | null;
  closedDate: string | null;
  dischargeDate: string | null;
  /** True once a risk assessment is recorded as done. */
  riskAssessed: boolean;
  staff: CaseStaffDto[];
  /** Minutes logged on the case, all categories. */
  minutes: number;
}

export interface CaseTransitionDto {
  id: number;
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus;
  onDate: string;
  reopened: boolean;
  at: string;
  actorName: string | null;
}

export interface CaseGoalDto {
  id: number;
  text: string;
  status: GoalStatus;
  /** What an edit or delete sends back (migration 0013). */
  version: number;
}

export interface CaseRatingDto {
  domainId: number;
  domainName: string;
  occasion: RatingOccasion;
  level: RatingLevel;
  ratedOn: string;
  note: string | null;
}

export interface CaseContactDto {
  id: number;
  contactId: number;
  contactName: string;
  contactKind: ContactKind;
  personId: number | null;
  personName: string | null;
  role: CaseContactRole;
  archived: boolean;
}

export interface AfterContactNotPossibleDto {
  date: string;
  reason: AfterContactMissReason;
  note: string | null;
}

export interface CaseDetailDto extends CaseDto {
  /** The case row's version, sent back by every edit on the case page so a colleague's save is not overwritten. */
  version: number;
  minutesByCategory: { categoryId: number; categoryName: string; minutes: number; entries: number }[];
  rejectedDate: string | null;
  institution: {
    kind: InstitutionKind;
    name: string | null;
    from: string | null;
    expectedDischargeDate: string | null;
    dischargeDate: string | null;
  } | null;
  closureReason: ClosureReason | null;
  takeoverService: string | null;
  /** Why the case was referred, in the team's words (migration 0014); null until written. */
  referralReason: string | null;
  /** The team's assessment and recommendations for the closure report (migration 0014). */
  teamAssessment: string | null;
  afterContactDate: string | null;
  /** Three months after closure, when the team calls the user. */
  afterContactDue: string | null;
  /** The three-month contact could not be held (migration 0015): when the team gave up, and why. */
  afterContactNotPossible: AfterContactNotPossibleDto | null;
  risk: { date: string | null; done: boolean | null; assessedBy: CaseStaffDto | null };
  transitions: CaseTransitionDto[];
  goals: CaseGoalDto[];
  ratings: CaseRatingDto[];
  contacts: CaseContactDto[];
}

export interface CasePageDto {
  rows: CaseDto[];
  total: number;
  page: number;
  pageSize: number;
}

export const caseCodeSchema = z.string().trim().max(12).refine(isCaseCode, { message: 'Sakskoden må ha formen NN/ÅÅ-XX, for eksempel 02/20-ST' });

export const createCaseInput = z.strictObject({
  municipalityId: idSchema,
  referralDate: isoDateSchema,
  staffIds: z.array(idSchema).max(6).optional(),
  /** Set only when the team corrects the generated code by hand. */
  code: caseCodeSchema.optional(),
});

export const caseFilterSchema = z.strictObject({
  status: z.enum(CASE_STATUSES).optional(),
  municipalityId: idSchema.optional(),
  year: yearSchema.optional(),
  staffId: idSchema.optional(),
  search: z.string().max(20).optional(),
});

export const CASE_SORT_FIELDS = ['code', 'municipality', 'referralDate', 'status', 'minutes'] as const;
export type CaseSortField = (typeof CASE_SORT_FIELDS)[number];

export const casePageInput = z.strictObject({
  filter: caseFilterSchema.default({}),
  sort: z.strictObject({ field: z.enum(CASE_SORT_FIELDS), direction: sortDirectionSchema }).optional(),
  page: z.number().int().min(0).max(100_000).default(0),
  pageSize: z.number().int().min(1).max(500).default(50),
});

/** What a row of the case list is made of: the case, its municipality, its staff and the time logged on it. */
const caseListTables = ['cases', 'municipalities', 'case_staff', 'team_members', 'time_entries'] as const;

/** Everything the case page shows. */
export const caseDetailTables = [
  ...caseListTables,
  'case_transitions',
  'after_contact_not_possible',
  'case_goals',
  'case_domain_ratings',
  'life_domains',
  'case_contacts',
  'contacts',
  'contact_people',
  'categories',
] as const;

export const caseChannels = {
  'cases:next-code': queryChannel<{ code: string }>()(
    z.strictObject({ municipalityId: idSchema, referralDate: isoDateSchema }),
    'Neste ledige sakskode for kommune og år',
    ['cases', 'municipalities'],
  ),
  'cases:create': mutationChannel<CaseDto, 'status'>()(createCaseInput, 'Registrer en ny sak', ['cases', 'case_staff', 'case_transitions', 'audit_log']),
  'cases:list': queryChannel<CaseDto[]>()(caseFilterSchema, 'Saker, nyeste først', caseListTables),
  'cases:page': queryChannel<CasePageDto>()(casePageInput, 'Saker med sidevisning, sortering og filter', caseListTables),
  'cases:get': queryChannel<CaseDetailDto>()(
    z.strictObject({ id: idSchema }),
    'Én sak med forløp, ansatte, mål, livsområder, kontakter og timer per hendelse',
    caseDetailTables,
    // Opening a case page is logged.
    { writes: ['audit_log'] },
  ),
  'cases:correct-code': mutationChannel<CaseDetailDto>()(z.strictObject({ id: idSchema, ...versionField, code: caseCodeSchema }), 'Rett sakskoden for hånd', [
    'cases',
    'audit_log',
  ]),
} as const;
