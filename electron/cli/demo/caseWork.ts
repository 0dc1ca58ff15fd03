import { daysBetween } from './calendar';
import type { PlannedCase } from './casePlan';
import type { DayPlan, DemoReferences, DemoTeam } from './dayPlan';
import type { Random } from './random';

export interface DemoCase extends PlannedCase {
  code: string;
}

/** Mostly both of the case's staff («we are always two»); now and then one goes alone. */
function whoGoes(random: Random, staffIds: readonly number[]): number[] {
  return random.chance(0.88) ? [...staffIds] : [random.pick(staffIds)];
}

/** Follow-up is closest in the first weeks after discharge and thins out towards closure. */
function closeness(weeksSinceStart: number): number {
  if (weeksSinceStart < 4) return 1;
  if (weeksSinceStart < 10) return 0.75;
  return 0.5;
}

/** One case's work on one day: institution visits, home visits with driving, phone calls, partners. */
export function planCaseDay(random: Random, day: DayPlan, c: DemoCase, intensity: number, refs: DemoReferences, team: DemoTeam): void {
  if (day.date < c.startDate || day.date > c.endDate) return;
  const ids = refs.categoryIds;
  const municipalityId = c.municipality.id;
  const base = { caseCode: c.code, municipalityId };
  const [driveMin, driveMax] = c.municipality.profile.driveHours;

  if (c.dischargeDate !== null && day.date < c.dischargeDate) {
    // Relationship building while the user is still inside, before discharge or release.
    if (random.chance(0.45 * intensity)) {
      const people = day.add({ ...base, categoryId: ids.institution, hours: random.halfHours(1.5, 3), participantIds: whoGoes(random, c.staffIds) });
      if (people) day.add({ ...base, categoryId: ids.driving, hours: random.halfHours(1, 3), participantIds: people });
    }
    if (random.chance(0.08 * intensity)) {
      day.add({ ...base, categoryId: ids.partners, hours: random.halfHours(1, 2), participantIds: [...c.staffIds] });
    }
    return;
  }

  const near = closeness(daysBetween(c.dischargeDate ?? c.startDate, day.date) / 7);
  const far = driveMin >= 3;
  if (random.chance((far ? 0.3 : 0.55) * near * intensity)) {
    const noShow = random.chance(0.04);
    const people = day.add({
      ...base,
      categoryId: noShow ? ids.noShow : ids.followUp,
      hours: noShow ? random.halfHours(1, 2) : random.halfHours(1, 3),
      participantIds: whoGoes(random, c.staffIds),
    });
    if (people) {
      day.add({ ...base, categoryId: ids.driving, hours: random.halfHours(driveMin, driveMax), participantIds: people });
      if (c.municipality.profile.overnight && random.chance(0.06)) {
        day.add({ ...base, categoryId: ids.overnight, hours: random.halfHours(6, 8), participantIds: people }, { overnight: true });
      }
      if (team.peerSupportId !== null && people.includes(team.peerSupportId) && random.chance(0.12)) {
        day.add({ ...base, categoryId: ids.peerSupport, hours: random.halfHours(1, 2), participantIds: [team.peerSupportId] });
      }
    }
  }
  // Phone, text messages and video calls between visits: short, mostly one person.
  if (random.chance(0.75 * near * intensity)) {
    const participantIds = random.chance(0.25) ? [...c.staffIds] : [random.pick(c.staffIds)];
    day.add({ ...base, categoryId: ids.followUp, hours: random.halfHours(0.5, 1), participantIds });
  }
  // NAV, housing office, GP, municipal services; DPS, prisons and institutions outside the nine
  // count as «Andre kommuner».
  if (random.chance(0.3 * near * intensity)) {
    day.add({
      caseCode: c.code,
      municipalityId: random.chance(0.2) ? refs.otherMunicipalitiesId : municipalityId,
      categoryId: ids.partners,
      hours: random.halfHours(0.5, 1.5),
      participantIds: whoGoes(random, c.staffIds),
    });
  }
}
