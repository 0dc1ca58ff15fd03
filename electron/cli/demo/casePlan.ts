import { addDays, toIsoDate } from '@shared/dates';
import { daysBetween } from './calendar';
import type { MunicipalityProfile } from './profile';
import type { Random } from './random';

export interface DemoMunicipality {
  id: number;
  name: string;
  memberFrom: string | null;
  memberTo: string | null;
  profile: MunicipalityProfile;
}

/** A case as the generator sees it: who follows it, and when each phase runs. */
export interface PlannedCase {
  referralDate: string;
  municipality: DemoMunicipality;
  staffIds: readonly [number, number];
  /** First contact with the user, a few days after the referral. */
  startDate: string;
  /** End of the institution stay or prison term; null when follow-up starts at home. */
  dischargeDate: string | null;
  /** Closure; may fall in a later year than the referral. */
  endDate: string;
}

/** The team took its first referrals a few weeks after starting on 1 January 2020. */
const FIRST_REFERRAL = '2020-01-20';

/** 15–19 cases the first year, growing by about three a year, never above 40. */
export function caseCountForYear(random: Random, year: number, firstYear: number): number {
  return Math.min(40, random.int(15, 19) + 3 * (year - firstYear));
}

function randomReferralDate(random: Random, year: number, municipality: DemoMunicipality): string {
  let from = toIsoDate(year, 1, 1);
  let to = toIsoDate(year, 12, 31);
  for (const limit of [FIRST_REFERRAL, municipality.memberFrom]) if (limit && limit > from) from = limit;
  if (municipality.memberTo && municipality.memberTo < to) to = municipality.memberTo;
  return addDays(from, random.int(0, Math.max(0, daysBetween(from, to))));
}

/**
 * The year's municipalities by quota rather than independent draws, so every year looks like the 2020
 * report (Fauske well ahead) whatever the seed: each gets its whole share, the remainders go by lot.
 */
function municipalityQuota(random: Random, count: number, candidates: readonly DemoMunicipality[]): DemoMunicipality[] {
  const total = candidates.reduce((sum, m) => sum + m.profile.referralWeight, 0);
  const chosen: DemoMunicipality[] = [];
  const remainders: { value: DemoMunicipality; weight: number }[] = [];
  for (const m of candidates) {
    const share = (m.profile.referralWeight / total) * count;
    for (let i = 0; i < Math.floor(share); i++) chosen.push(m);
    remainders.push({ value: m, weight: share - Math.floor(share) });
  }
  while (chosen.length < count) {
    const m = random.weighted(remainders);
    chosen.push(m);
    remainders.splice(
      remainders.findIndex((r) => r.value === m),
      1,
    );
  }
  return chosen;
}

function isMemberDuring(municipality: DemoMunicipality, year: number): boolean {
  return (
    (!municipality.memberFrom || municipality.memberFrom <= toIsoDate(year, 12, 31)) &&
    (!municipality.memberTo || municipality.memberTo >= toIsoDate(year, 1, 1))
  );
}

/** The two therapists with the fewest open cases on the date; ties are broken at random. */
function pickPair(random: Random, therapistIds: readonly number[], open: readonly PlannedCase[], date: string): [number, number] {
  const load = (id: number) => open.filter((c) => c.endDate >= date && c.staffIds.includes(id)).length;
  const ranked = therapistIds.map((id) => ({ id, rank: load(id) + random.next() * 1.5 })).sort((a, b) => a.rank - b.rank);
  return [ranked[0]!.id, ranked[1]!.id];
}

/**
 * Referral dates spread over the year; municipality weighted as in the 2020 report, members only.
 * `count` is the team's own growth unless given (the benchmark asks for far more cases a year).
 */
export function planCasesForYear(
  random: Random,
  year: number,
  firstYear: number,
  municipalities: readonly DemoMunicipality[],
  therapistIds: readonly number[],
  earlier: readonly PlannedCase[],
  count = caseCountForYear(random, year, firstYear),
): PlannedCase[] {
  const referrals = municipalityQuota(
    random,
    count,
    municipalities.filter((m) => isMemberDuring(m, year)),
  )
    .map((municipality) => ({ municipality, referralDate: randomReferralDate(random, year, municipality) }))
    .sort((a, b) => a.referralDate.localeCompare(b.referralDate));
  const planned: PlannedCase[] = [];
  for (const { municipality, referralDate } of referrals) {
    const staffIds = pickPair(random, therapistIds, [...earlier, ...planned], referralDate);
    const startDate = addDays(referralDate, random.int(2, 10));
    // About a third start while the user is still in an institution or serving a sentence.
    const dischargeDate = random.chance(0.3) ? addDays(startDate, random.int(14, 56)) : null;
    // Planned for 6–8 weeks; most cases run longer (annual report 2020).
    const followUpDays = 42 + Math.floor(random.next() ** 1.4 * 160);
    planned.push({ referralDate, municipality, staffIds, startDate, dischargeDate, endDate: addDays(dischargeDate ?? startDate, followUpDays) });
  }
  return planned;
}
