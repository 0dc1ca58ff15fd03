import type { SignedInContext } from '../../services/context';
import { callChannelAsync } from './serviceCall';

export interface DemoYearSummary {
  year: number;
  cases: number;
  entries: number;
  hours: number;
  personHours: number;
}

export interface DemoSummary {
  seed: number;
  years: number[];
  members: number;
  cases: number;
  entries: number;
  hours: number;
  personHours: number;
  perYear: DemoYearSummary[];
}

/** Read back through the channels, so the summary shows what the app will show, not what was planned. */
export async function summariseDemo(ctx: SignedInContext, seed: number, years: readonly number[]): Promise<DemoSummary> {
  const perYear: DemoYearSummary[] = [];
  for (const year of years) {
    const pivot = await callChannelAsync(ctx, 'statistics:annual', { year });
    const cases = (await callChannelAsync(ctx, 'cases:list', { year })).length;
    perYear.push({ year, cases, entries: pivot.total.entries, hours: pivot.total.hours, personHours: pivot.total.personHours });
  }
  const sum = (pick: (y: DemoYearSummary) => number) => perYear.reduce((total, y) => total + pick(y), 0);
  return {
    seed,
    years: [...years],
    members: (await callChannelAsync(ctx, 'team-members:list', { includeInactive: true })).length,
    cases: sum((y) => y.cases),
    entries: sum((y) => y.entries),
    hours: sum((y) => y.hours),
    personHours: sum((y) => y.personHours),
    perYear,
  };
}
