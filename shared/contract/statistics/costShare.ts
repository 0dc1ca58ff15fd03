import { z } from '../../validation/zodNorwegian';
import { yearSchema } from '../common';
import { queryChannel } from '../channel';
import type { CostShareParametersDto } from '../costShare';

/**
 * What each municipality pays (three models from the founding plan) beside what it got (hours,
 * person-hours, cases). Amounts are whole kroner; shares are fractions 0–1 of the member municipalities'
 * sum, so «Felles» and «Andre kommuner» are outside both sides of the comparison.
 */
export const COST_SHARE_UNITS = {
  amount: 'kr',
  population: 'innbyggere',
  hours: 'timer',
  personHours: 'persontimer',
  cases: 'saker',
  hoursPerThousand: 'timer per 1 000 innbyggere',
  share: 'prosent',
} as const;

export interface CostShareModelAmountDto {
  amount: number;
  share: number;
}

export interface CostShareRowDto {
  municipalityId: number;
  municipality: string;
  population: number;
  /** Months of the year the municipality was a member (Rødøy 2020: 4). */
  memberMonths: number;
  /** population × memberMonths / 12: what the population-based parts of the models use. */
  effectivePopulation: number;
  /** null while the parameters are incomplete (see `problems`). */
  models: { equalBase: CostShareModelAmountDto; bands: CostShareModelAmountDto; extraServices: CostShareModelAmountDto } | null;
  extraHours: number;
  hours: number;
  hoursShare: number;
  personHours: number;
  personHoursShare: number;
  cases: number;
  casesShare: number;
  /** null when the municipality's population for the year is not set (shown as «mangler innbyggertall»). */
  hoursPerThousand: number | null;
}

export interface CostShareDto {
  year: number;
  units: typeof COST_SHARE_UNITS;
  parameters: CostShareParametersDto | null;
  /** Norwegian messages that name what is missing (a municipality's population, the budget); empty when the models are computed. */
  problems: string[];
  rows: CostShareRowDto[];
  /** `hoursPerThousand` is null when any member's population is missing. */
  total: {
    population: number;
    effectivePopulation: number;
    amount: number;
    hours: number;
    personHours: number;
    cases: number;
    hoursPerThousand: number | null;
  };
}

export const costShareStatisticsChannels = {
  'statistics:cost-share': queryChannel<CostShareDto>()(
    z.strictObject({ year: yearSchema }),
    'Kommunenes andel av kostnaden etter tre modeller, satt ved siden av andelen av timer, persontimer og saker',
    [
      'cost_share_years',
      'municipality_years',
      'municipalities',
      'categories',
      'time_totals_daily',
      'time_entries',
      'cases',
      'case_staff',
      'team_members',
      // The case figures it builds on count the three-month contacts that were not possible.
      'after_contact_not_possible',
    ],
  ),
} as const;
