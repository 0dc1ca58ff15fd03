import { dayOfWeek } from './calendar';
import type { DayPlan, DemoReferences, DemoTeam } from './dayPlan';
import { LAST_ADMINISTRATION_YEAR } from './profile';
import type { Random } from './random';

function twoOf(random: Random, ids: readonly number[]): number[] {
  const first = random.pick(ids);
  const second = random.pick(ids.filter((id) => id !== first));
  return [first, second];
}

/** Work without a case, logged on «Felles»: supervision, network building and (2020 only) administration. */
export function planSharedDay(random: Random, day: DayPlan, intensity: number, refs: DemoReferences, team: DemoTeam): void {
  const ids = refs.categoryIds;
  const shared = { caseCode: null, municipalityId: refs.sharedWorkId };
  const year = Number(day.date.slice(0, 4));

  // Weekly supervision on Tuesdays, the whole team together.
  if (dayOfWeek(day.date) === 2 && intensity >= 0.45 && random.chance(0.9)) {
    day.add({ ...shared, categoryId: ids.supervision, hours: random.halfHours(1, 2), participantIds: [...team.therapistIds] });
  }

  // The first months of 2020 went to presenting the team around the region (annual report 2020).
  const startUp = day.date < '2020-04-01';
  if (random.chance((startUp ? 0.8 : 0.15) * intensity)) {
    day.add({
      ...shared,
      categoryId: ids.network,
      hours: startUp ? random.halfHours(2, 6) : random.halfHours(1, 3),
      participantIds: twoOf(random, team.therapistIds),
    });
  }

  if (year <= LAST_ADMINISTRATION_YEAR) {
    for (const id of team.therapistIds) {
      if (random.chance(0.3 * intensity)) {
        day.add({ ...shared, categoryId: ids.administration, hours: random.halfHours(0.5, 1.5), participantIds: [id] });
      }
    }
  }
}
