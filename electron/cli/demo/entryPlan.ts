import { toIsoDate } from '@shared/dates';
import { eachDate, workIntensity } from './calendar';
import { planCaseDay, type DemoCase } from './caseWork';
import { DayPlan, type DemoReferences, type DemoTeam, type PlannedEntry } from './dayPlan';
import type { Random } from './random';
import { planSharedDay } from './sharedWork';

/** Open cases the team can follow closely at once; with fewer each gets more time, with more each gets less. */
const COMFORTABLE_CASELOAD = 8;

/** Four full-time posts are a fixed capacity: the time per case follows the caseload of the day. */
function attention(openCases: number): number {
  if (openCases === 0) return 1;
  return Math.min(2, Math.max(0.6, COMFORTABLE_CASELOAD / openCases));
}

/** Every entry from 1 January of `fromYear` to 31 December of `toYear`, day by day, in date order. */
export function planEntries(
  random: Random,
  cases: readonly DemoCase[],
  fromYear: number,
  toYear: number,
  refs: DemoReferences,
  team: DemoTeam,
): PlannedEntry[] {
  const entries: PlannedEntry[] = [];
  for (const date of eachDate(toIsoDate(fromYear, 1, 1), toIsoDate(toYear, 12, 31))) {
    const day = new DayPlan(date);
    const intensity = workIntensity(date);
    planSharedDay(random, day, intensity, refs, team);
    const open = cases.filter((c) => c.startDate <= date && date <= c.endDate);
    const caseIntensity = intensity * attention(open.length);
    for (const c of open) planCaseDay(random, day, c, caseIntensity, refs, team);
    entries.push(...day.entries);
  }
  return entries;
}
