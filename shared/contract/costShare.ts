import { z } from './zodNorwegian';
import { idSchema, yearSchema } from './common';
import { mutationChannel, queryChannel } from './channel';

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

export interface CostShareParametersDto {
  year: number;
  /** The year's budget to be shared among the member municipalities, in kroner. */
  budget: number;
  /** Models 1 and 3: the equal base amount every member pays (pro rata for part-year members). */
  baseAmount: number;
  /** Model 2: the relative rate per inhabitant in each band (falling); the budget is shared by banded population. */
  bandRates: [number, number, number, number];
  /** Model 3: what one extra hour costs at full cost, in kroner. */
  hourlyRate: number;
}

export interface CostShareMunicipalitySettingDto {
  municipalityId: number;
  municipality: string;
  memberFrom: string | null;
  memberTo: string | null;
  /** Inhabitants (SSB, 1 January of the year); null when not entered. */
  population: number | null;
  /** Model 3: hours bought beyond the shared service this year. */
  extraHours: number;
}

export interface CostShareSettingsDto {
  year: number;
  /** null until someone has entered the year's budget. */
  parameters: CostShareParametersDto | null;
  municipalities: CostShareMunicipalitySettingDto[];
}

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
  hoursPerThousand: number;
}

export interface CostShareDto {
  year: number;
  units: typeof COST_SHARE_UNITS;
  parameters: CostShareParametersDto | null;
  /** Norwegian messages that name what is missing (a municipality's population, the budget); empty when the models are computed. */
  problems: string[];
  rows: CostShareRowDto[];
  total: { population: number; effectivePopulation: number; amount: number; hours: number; personHours: number; cases: number; hoursPerThousand: number };
}

const amountSchema = z.number().int().min(0).max(1_000_000_000);
const rateSchema = z.number().min(0).max(1_000_000);

export const costShareParametersSchema = z.strictObject({
  year: yearSchema,
  budget: amountSchema,
  baseAmount: amountSchema,
  bandRates: z.tuple([rateSchema, rateSchema, rateSchema, rateSchema]),
  hourlyRate: rateSchema,
});

export const costShareSettingsInputSchema = z.strictObject({
  year: yearSchema,
  parameters: costShareParametersSchema.omit({ year: true }),
  municipalities: z
    .array(
      z.strictObject({
        municipalityId: idSchema,
        population: z.number().int().min(0).max(10_000_000).nullable(),
        extraHours: z.number().min(0).max(100_000),
      }),
    )
    .max(50),
});

export const costShareChannels = {
  'cost-share:get-settings': queryChannel<CostShareSettingsDto>()(
    z.strictObject({ year: yearSchema }),
    'Folketall, budsjett og modellparametre for kostnadsfordelingen et år',
  ),
  'cost-share:save-settings': mutationChannel<CostShareSettingsDto>()(
    costShareSettingsInputSchema,
    'Lagrer folketall, budsjett og modellparametre for et år (administrator)',
    ['cost-share', 'statistics'],
  ),
  'statistics:cost-share': queryChannel<CostShareDto>()(
    z.strictObject({ year: yearSchema }),
    'Kommunenes andel av kostnaden etter tre modeller, satt ved siden av andelen av timer, persontimer og saker',
  ),
} as const;
