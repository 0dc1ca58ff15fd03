import { z } from '../validation/zodNorwegian';
import { idSchema, versionField, yearSchema } from './common';
import { mutationChannel, queryChannel } from './channel';

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
  /** The form's version: sent back with a save, which is refused if a colleague saved the year since. */
  version: number;
  /** null until someone has entered the year's budget. */
  parameters: CostShareParametersDto | null;
  municipalities: CostShareMunicipalitySettingDto[];
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
  ...versionField,
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
    ['cost_share_years', 'municipality_years', 'municipalities'],
  ),
  'cost-share:save-settings': mutationChannel<CostShareSettingsDto>()(
    costShareSettingsInputSchema,
    'Lagrer folketall, budsjett og modellparametre for et år (administrator)',
    ['cost_share_years', 'municipality_years', 'audit_log'],
  ),
} as const;
