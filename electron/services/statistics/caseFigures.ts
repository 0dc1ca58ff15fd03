import { sql } from 'kysely';
import { all, readSnapshot } from '../../db/query';
import { publishStatistic } from '@shared/domain/disclosureControl';
import { CASE_FIGURE_UNITS, type CaseFiguresDto, type CaseFiguresRowDto } from '@shared/contract/statistics/caseFigures';
import type { DbContext } from '../context';
import type { StatisticsPeriod } from '@shared/contract';
import { periodRange } from './period';

interface CaseDates {
  id: number;
  municipality_id: number;
  referral_date: string | null;
  start_date: string | null;
  rejected_date: string | null;
  closed_date: string | null;
  after_contact_date: string | null;
  /** 1 when the team recorded that the three-month contact was not possible (migration 0015). */
  after_contact_not_possible: number;
  institution_from: string | null;
  discharge_date: string | null;
}

type Figures = Omit<CaseFiguresRowDto, 'municipalityId' | 'municipality'>;

const DAY_MS = 86_400_000;

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/**
 * Active on `day`: the case had begun (referral or, for cases without one, follow-up start) and had not
 * been rejected or closed by then. A case that was closed and later reopened has no closure date any
 * more, so for the years before the reopening it counts as active — the case row keeps only the
 * latest closure (the timeline keeps the rest).
 */
export function isActiveOn(c: CaseDates, day: string): boolean {
  const began = c.referral_date ?? c.start_date;
  if (!began || began > day) return false;
  if (c.rejected_date && c.rejected_date <= day) return false;
  return !(c.closed_date && c.closed_date <= day);
}

const inRange = (date: string | null, from: string, to: string) => date !== null && date >= from && date <= to;

/** The institution phase runs from its start to discharge (or, failing that, to the follow-up start). */
function institutionPhaseOverlaps(c: CaseDates, from: string, to: string): boolean {
  if (!c.institution_from || c.institution_from > to) return false;
  const end = c.discharge_date ?? c.start_date;
  return end === null || end >= from;
}

/** Weeks from follow-up start to closure, to one decimal. */
function followUpWeeks(c: CaseDates): number | null {
  if (!c.start_date || !c.closed_date) return null;
  return (Date.parse(c.closed_date) - Date.parse(c.start_date)) / DAY_MS / 7;
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return Math.round(value * 10) / 10;
}

function figuresOf(cases: CaseDates[], loggedCaseIds: Set<number>, from: string, to: string): Figures {
  const closed = cases.filter((c) => inRange(c.closed_date, from, to));
  const weeks = closed.map(followUpWeeks).filter((w): w is number => w !== null);
  return {
    total: cases.filter((c) => inRange(c.referral_date, from, to) || loggedCaseIds.has(c.id)).length,
    referred: cases.filter((c) => inRange(c.referral_date, from, to)).length,
    started: cases.filter((c) => inRange(c.start_date, from, to)).length,
    activeAtEnd: cases.filter((c) => isActiveOn(c, to)).length,
    closed: closed.length,
    closedWithAfterContact: closed.filter((c) => c.after_contact_date !== null).length,
    closedAfterContactNotPossible: closed.filter((c) => c.after_contact_not_possible === 1).length,
    institutionPhase: cases.filter((c) => institutionPhaseOverlaps(c, from, to)).length,
    medianFollowUpWeeks: publishStatistic(median(weeks), weeks.length),
    medianBasis: weeks.length,
  };
}

/**
 * Case figures per municipality for a year or a date range. Imported cases (from the old time sheets)
 * have no dates of their own, so they count in `total` through their logged time and elsewhere only
 * where a date has been added since (a closure, say). The median follow-up runs from follow-up start
 * to closure, over the cases closed in the period that have both dates, and is hidden when built from fewer
 * than 5. The case counts themselves are published per municipality even when small: the cost-sharing
 * agreement divides the bill by them (the annual report says so).
 */
export async function caseFigures(ctx: DbContext, period: StatisticsPeriod): Promise<CaseFiguresDto> {
  const { from, to } = periodRange(period);
  const { kysely } = ctx.db;
  return readSnapshot(ctx.db, async (db) => {
    const municipalities = await all(db, kysely.selectFrom('municipalities').select(['id', 'name', 'kind']).orderBy('sort_order'));
    const cases = await all(
      db,
      kysely
        .selectFrom('cases as c')
        .leftJoin('after_contact_not_possible as n', 'n.case_id', 'c.id')
        .select([
          'c.id',
          'c.municipality_id',
          'c.referral_date',
          'c.start_date',
          'c.rejected_date',
          'c.closed_date',
          'c.after_contact_date',
          // A number on both engines (PostgreSQL's `is not null` is a boolean).
          sql<number>`case when n.case_id is null then 0 else 1 end`.as('after_contact_not_possible'),
          'c.institution_from',
          'c.discharge_date',
        ]),
    );
    // One seek per case on (case_id, entry_date) rather than a scan of the year's entries: there are
    // thousands of cases but hundreds of thousands of entries in a year.
    const logged = await all(
      db,
      kysely
        .selectFrom('cases as c')
        .select('c.id as case_id')
        .where(({ exists, selectFrom }) =>
          exists(
            selectFrom('time_entries as t').select('t.id').whereRef('t.case_id', '=', 'c.id').where('t.entry_date', '>=', from).where('t.entry_date', '<=', to),
          ),
        ),
    );
    const loggedCaseIds = new Set(logged.map((r) => r.case_id!));
    const byMunicipality = groupBy(cases, (c) => c.municipality_id);
    const rows = municipalities
      .map((m) => ({ municipalityId: m.id, municipality: m.name, kind: m.kind, ...figuresOf(byMunicipality.get(m.id) ?? [], loggedCaseIds, from, to) }))
      // Non-members («Andre kommuner», «Felles») only appear when a case is registered on them.
      .filter((r) => r.kind === 'member' || (byMunicipality.get(r.municipalityId)?.length ?? 0) > 0)
      .map(({ kind: _kind, ...row }) => row);

    const activeIds = new Set(cases.filter((c) => isActiveOn(c, to)).map((c) => c.id));
    const staff = await all(
      db,
      kysely
        .selectFrom('team_members as t')
        .leftJoin('case_staff as s', 's.team_member_id', 't.id')
        .select(['t.id', 't.display_name', 't.initials', 't.active', 's.case_id']),
    );
    const caseload = [...groupBy(staff, (s) => s.id).values()]
      .map((memberRows) => ({
        teamMemberId: memberRows[0]!.id,
        name: memberRows[0]!.display_name,
        initials: memberRows[0]!.initials,
        active: memberRows[0]!.active === 1,
        activeCases: memberRows.filter((s) => s.case_id !== null && activeIds.has(s.case_id)).length,
      }))
      // A member who has left shows only in periods where they still had active cases.
      .filter((m) => m.active || m.activeCases > 0)
      .sort((a, b) => a.name.localeCompare(b.name, 'nb'))
      .map(({ active: _active, ...member }) => member);

    return { from, to, units: CASE_FIGURE_UNITS, rows, total: figuresOf(cases, loggedCaseIds, from, to), caseload };
  });
}
