import type { SignedInContext } from '../../services/context';
import { callChannelAsync } from './serviceCall';

/** A made-up budget for 2020 that grows with the wage settlement, so the demo's cost shares look like a real year's. */
const FIRST_BUDGET = 4_200_000;
const YEARLY_GROWTH = 0.035;
/** Hours two municipalities bought beyond the shared service, per year: the demo's model 3 has something to show. */
const EXTRA_HOURS: Record<string, number> = { Fauske: 60, Meløy: 25 };

/**
 * Budget and model parameters for every demo year, and a population for every member (the seeded SSB
 * figure, or the latest earlier one for a year after the seed), saved as the project leader would.
 */
export async function createDemoCostShares(leader: SignedInContext, years: readonly number[]): Promise<void> {
  const lastPopulation = new Map<number, number>();
  for (const [index, year] of years.entries()) {
    const settings = await callChannelAsync(leader, 'cost-share:get-settings', { year });
    const municipalities = settings.municipalities.map((m) => {
      const population = m.population ?? lastPopulation.get(m.municipalityId) ?? null;
      if (population !== null) lastPopulation.set(m.municipalityId, population);
      return { municipalityId: m.municipalityId, population, extraHours: EXTRA_HOURS[m.municipality] ?? 0 };
    });
    await callChannelAsync(leader, 'cost-share:save-settings', {
      year,
      version: settings.version,
      parameters: {
        budget: Math.round((FIRST_BUDGET * (1 + YEARLY_GROWTH) ** index) / 1000) * 1000,
        baseAmount: 100_000,
        bandRates: [1, 0.8, 0.6, 0.4],
        hourlyRate: 900,
      },
      municipalities,
    });
  }
}
