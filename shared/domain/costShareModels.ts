import { daysInMonth, toIsoDate } from '../dates';

/** The per-capita bands of model 2: upper bound (inhabitants) of each band; the last band is open. */
export const POPULATION_BANDS = [5000, 10000, 20000] as const;
export const POPULATION_BAND_LABELS = ['0–5 000', '5 001–10 000', '10 001–20 000', 'over 20 000'] as const;

/**
 * The founding plan's three ways of sharing the team's budget among the member municipalities. Pure
 * arithmetic, so the screen, the annual report and the tests compute the same thing.
 *
 * Part-year members: a municipality pays for the whole months it was a member. Rødøy joined on
 * 1 September 2020, so in 2020 it counts 4/12 — its base amount is 4/12 of the full one and its
 * population weighs 4/12 in every population-based part. A member joining mid-month counts from the
 * next month.
 */
export function memberMonths(memberFrom: string | null, memberTo: string | null, year: number): number {
  let months = 0;
  for (let month = 1; month <= 12; month += 1) {
    const first = toIsoDate(year, month, 1);
    const last = toIsoDate(year, month, daysInMonth(year, month));
    if ((memberFrom === null || memberFrom <= first) && (memberTo === null || memberTo >= last)) months += 1;
  }
  return months;
}

export interface CostShareParameters {
  budget: number;
  baseAmount: number;
  bandRates: readonly [number, number, number, number];
  hourlyRate: number;
}

export interface CostShareMember {
  population: number;
  /** memberMonths / 12. */
  fraction: number;
  extraHours: number;
}

export interface CostShareAmounts {
  equalBase: number[];
  bands: number[];
  extraServices: number[];
}

/**
 * Inhabitants weighted by band: the first 5 000 at the first rate, the next 5 000 at the second, the next
 * 10 000 at the third, the rest at the fourth.
 */
export function bandedPopulation(population: number, rates: readonly [number, number, number, number]): number {
  const bounds = [0, ...POPULATION_BANDS, Infinity];
  let weighted = 0;
  for (let band = 0; band < rates.length; band += 1) {
    const inBand = Math.max(0, Math.min(population, bounds[band + 1]!) - bounds[band]!);
    weighted += inBand * rates[band]!;
  }
  return weighted;
}

const byShare = (total: number, weights: number[]) => {
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => (sum === 0 ? 0 : (total * w) / sum));
};

/**
 * (1) Equal base: every member pays the base amount (pro rata), the rest of the budget by population.
 * (2) Bands: the whole budget by banded population; the band rates are relative, so only their ratios
 *     matter (e.g. 1 / 0,8 / 0,6 / 0,4).
 * (3) Extra services: the base amount, plus the shared service (budget − base amounts − extra services)
 *     by population, plus the municipality's extra hours × the hourly rate at full cost.
 * Amounts are kroner, rounded to whole kroner at the end. Returns Norwegian problems instead when the
 * parameters cannot carry the budget (base amounts or extra services larger than the budget).
 */
export function computeCostShares(year: number, p: CostShareParameters, members: CostShareMember[]): CostShareAmounts | { problems: string[] } {
  const bases = members.map((m) => p.baseAmount * m.fraction);
  const extras = members.map((m) => m.extraHours * p.hourlyRate);
  const effective = members.map((m) => m.population * m.fraction);
  const baseSum = bases.reduce((a, b) => a + b, 0);
  const extraSum = extras.reduce((a, b) => a + b, 0);
  const problems: string[] = [];
  if (baseSum > p.budget) problems.push(`Grunnbeløpene er til sammen større enn budsjettet for ${year}.`);
  else if (baseSum + extraSum > p.budget) problems.push(`Grunnbeløp og ekstratjenester er til sammen større enn budsjettet for ${year}.`);
  if (p.bandRates.every((r) => r === 0)) problems.push(`Satsene per innbygger for ${year} kan ikke alle være 0.`);
  if (problems.length > 0) return { problems };

  const rest = byShare(p.budget - baseSum, effective);
  const banded = byShare(
    p.budget,
    members.map((m) => bandedPopulation(m.population, p.bandRates) * m.fraction),
  );
  const shared = byShare(p.budget - baseSum - extraSum, effective);
  return {
    equalBase: members.map((_, i) => Math.round(bases[i]! + rest[i]!)),
    bands: banded.map(Math.round),
    extraServices: members.map((_, i) => Math.round(bases[i]! + shared[i]! + extras[i]!)),
  };
}
