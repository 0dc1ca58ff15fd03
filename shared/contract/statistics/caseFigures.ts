import { z } from '../../validation/zodNorwegian';
import { queryChannel } from '../channel';
import type { PublishedCount } from '../../domain/disclosureControl';
import { statisticsPeriodSchema } from './pivot';

/** The case figures' units, printed beside every number. */
export const CASE_FIGURE_UNITS = { cases: 'saker', weeks: 'uker' } as const;

export interface CaseFiguresRowDto {
  municipalityId: number;
  municipality: string;
  /** Every case with a referral date or any time logged in the period, imported cases included. */
  total: number;
  /** Referral date in the period. */
  referred: number;
  /** Follow-up start date in the period. */
  started: number;
  /** Referred or in follow-up (not rejected, not closed) on the period's last day. */
  activeAtEnd: number;
  /** Closure date in the period. */
  closed: number;
  /** Of `closed`: the three-month contact is recorded. */
  closedWithAfterContact: number;
  /** Of `closed`: the three-month contact was not possible (moved, died, said no…), never counted as held. */
  closedAfterContactNotPossible: number;
  /** Cases whose institution phase overlaps the period. */
  institutionPhase: number;
  /**
   * Median weeks from follow-up start to closure, over cases closed in the period that have a start date;
   * hidden when built from fewer than 5 cases (one case's median is that person's time in follow-up).
   */
  medianFollowUpWeeks: PublishedCount | null;
  /** How many closed cases the median is built from. */
  medianBasis: number;
}

export interface CaseloadRowDto {
  teamMemberId: number;
  name: string;
  initials: string;
  /** Cases active on the period's last day with the member on the case staff. */
  activeCases: number;
}

export interface CaseFiguresDto {
  from: string;
  to: string;
  units: typeof CASE_FIGURE_UNITS;
  /** Every municipality the team logs against, in the team's order; rows with only zeros included. */
  rows: CaseFiguresRowDto[];
  /** Column sums; the median over all closed cases, not a median of medians. */
  total: Omit<CaseFiguresRowDto, 'municipalityId' | 'municipality'>;
  caseload: CaseloadRowDto[];
}

export const LASTING_CHANGE_DIRECTIONS = ['bedre', 'uendret', 'verre'] as const;
export type LastingChangeDirection = (typeof LASTING_CHANGE_DIRECTIONS)[number];
export const LASTING_CHANGE_DIRECTION_LABEL: Record<LastingChangeDirection, string> = {
  bedre: 'Bedre',
  uendret: 'Uendret',
  verre: 'Verre',
};

export const LASTING_CHANGE_COMPARISONS = ['startToClosure', 'startToAfterContact'] as const;
export type LastingChangeComparison = (typeof LASTING_CHANGE_COMPARISONS)[number];
export const LASTING_CHANGE_COMPARISON_LABEL: Record<LastingChangeComparison, string> = {
  startToClosure: 'Fra start til avslutning',
  startToAfterContact: 'Fra start til tre måneder etter',
};

/** One life domain in one comparison: counts of cases per direction, already through the disclosure-control rule. */
export interface LastingChangeRowDto {
  domainId: number;
  domain: string;
  bedre: PublishedCount;
  uendret: PublishedCount;
  verre: PublishedCount;
  /** Cases rated on both occasions for this domain; hidden when it would give a hidden cell away. */
  total: PublishedCount;
}

export interface LastingChangeDto {
  from: string;
  to: string;
  unit: 'saker';
  /** Cases closed in the period (the population the comparisons are drawn from), also through the rule. */
  closedCases: PublishedCount;
  comparisons: { comparison: LastingChangeComparison; label: string; rows: LastingChangeRowDto[] }[];
}

export const caseStatisticsChannels = {
  'statistics:case-figures': queryChannel<CaseFiguresDto>()(
    z.strictObject({ period: statisticsPeriodSchema }),
    'Saker per kommune for et år eller en periode: henvist, startet, aktive, avsluttet, median varighet og saker per teammedlem',
    ['cases', 'municipalities', 'time_entries', 'case_staff', 'team_members', 'after_contact_not_possible'],
  ),
  'statistics:lasting-change': queryChannel<LastingChangeDto>()(
    z.strictObject({ period: statisticsPeriodSchema }),
    'Varig endring per livsområde for saker avsluttet i perioden, med regelen for skjulte småtall',
    ['cases', 'case_domain_ratings', 'life_domains'],
  ),
} as const;
