import { sql } from 'kysely';
import { inIds } from '../../db/dialect';
import { all } from '../../db/query';
import type { ActiveCaseAttention, CaseDto, OverviewDto } from '@shared/contract';
import { QUIET_DAYS } from '@shared/contract/overview';
import { ACTIVE_CASE_STATUSES } from '@shared/domain/caseLife';
import { addDays, isoDateInOslo } from '@shared/dates';
import { baseCaseQuery, withStaff } from '../cases/list';
import { afterContactDue } from '../cases/transitions';
import type { DbContext, OnAnyEngine, ServiceContext } from '../context';
import { readSettings } from '../settings/settings';
import { timeWeek } from '../timeEntries/week';

/** How far ahead a three-month contact shows as due. */
const DUE_WITHIN_DAYS = 14;

/** The Monday of the week the date falls in (Norwegian weeks start on Monday). */
function mondayOf(isoDate: string): string {
  const sunday0 = new Date(`${isoDate}T00:00:00Z`).getUTCDay();
  return addDays(isoDate, -((sunday0 + 6) % 7));
}

function wholeWeeksBetween(from: string, to: string): number {
  return Math.floor((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / (7 * 86_400_000));
}

/** Each case's newest entry date, for the given cases only: one seek per case on (case_id, entry_date). */
async function lastEntryDates(ctx: DbContext, caseIds: number[]): Promise<Map<number, string>> {
  if (caseIds.length === 0) return new Map();
  const rows = await all(
    ctx.db,
    ctx.db.kysely
      .selectFrom('time_entries')
      .select(['case_id', sql<string>`max(entry_date)`.as('last')])
      .where(inIds(ctx.db, sql.ref('case_id'), caseIds))
      .groupBy('case_id'),
  );
  return new Map(rows.map((r) => [r.case_id!, r.last]));
}

/** The closed cases whose three-month contact the team has said was not possible. */
async function contactsNotPossible(ctx: DbContext): Promise<Set<number>> {
  return new Set((await all(ctx.db, ctx.db.kysely.selectFrom('after_contact_not_possible').select('case_id'))).map((r) => r.case_id));
}

/**
 * What an active case asks of the team. A follow-up longer than the warning weeks is common (planned
 * 6–8 weeks, most run longer, annual report 2020) and alone asks nothing; warning on every one of them
 * made the warning noise. It needs action when it has also gone quiet — no time logged for QUIET_DAYS,
 * so it is finished and not closed, or forgotten — or when the user is out of the institution and the
 * follow-up has not been started.
 */
function attentionFor(c: CaseDto, longFollowUp: boolean, lastEntry: string | null, today: string): ActiveCaseAttention | null {
  if (c.status === 'institusjonsfase') return c.dischargeDate !== null && c.dischargeDate <= today ? 'discharged' : null;
  const quietSince = addDays(today, -QUIET_DAYS);
  return longFollowUp && (lastEntry === null || lastEntry < quietSince) ? 'quiet' : null;
}

/**
 * The landing page: what needs the team's attention today. Imported cases (from the old time sheet) are
 * history without lifecycle data and never raise warnings here. Still typed for the SQLite file: the case
 * rows and their staff come from cases/list.ts, which has not moved to the engine-neutral executor yet.
 */
export async function getOverview(ctx: ServiceContext): Promise<OverviewDto> {
  const today = isoDateInOslo(ctx.clock.now());
  const warningWeeks = (await readSettings(ctx)).followUpWarningWeeks;
  const rows = await all(
    ctx.db,
    baseCaseQuery(ctx)
      .select('c.version')
      .where('c.status', 'in', [...ACTIVE_CASE_STATUSES, 'avsluttet'])
      .orderBy(sql`coalesce(c.referral_date, c.start_date)`)
      .orderBy('c.id'),
  );
  const versions = new Map(rows.map((r) => [r.id, r.version]));
  const open = withStaff(ctx, rows);
  const byStatus = (...statuses: string[]) => open.filter((c) => statuses.includes(c.status));

  const activeCases = byStatus('institusjonsfase', 'oppfolging');
  const lastEntries = await lastEntryDates(
    ctx,
    activeCases.map((c) => c.id),
  );
  const active = activeCases
    .map((c) => {
      const since = c.dischargeDate ?? (c.status === 'oppfolging' ? c.startDate : null);
      const weeks = since && since <= today ? wholeWeeksBetween(since, today) : null;
      const longFollowUp = c.status === 'oppfolging' && weeks !== null && weeks >= warningWeeks;
      const lastEntryDate = lastEntries.get(c.id) ?? null;
      return { ...c, weeksSinceDischarge: weeks, longFollowUp, lastEntryDate, attention: attentionFor(c, longFollowUp, lastEntryDate, today) };
    })
    // What asks for action first, then the longest follow-ups.
    .sort((a, b) => Number(b.attention !== null) - Number(a.attention !== null) || (b.weeksSinceDischarge ?? -1) - (a.weeksSinceDischarge ?? -1));

  const horizon = addDays(today, DUE_WITHIN_DAYS);
  const notPossible = await contactsNotPossible(ctx);
  const afterContacts = byStatus('avsluttet')
    .filter((c): c is CaseDto & { closedDate: string } => c.closedDate !== null && !notPossible.has(c.id))
    .map((c) => ({
      ...c,
      dueDate: afterContactDue(c.closedDate),
      overdue: afterContactDue(c.closedDate) < today,
      version: versions.get(c.id)!,
    }))
    .filter((c) => c.dueDate <= horizon)
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate));

  return {
    today,
    warningWeeks,
    active,
    afterContacts,
    missingRiskAssessment: byStatus('henvist', 'institusjonsfase').filter((c) => !c.riskAssessed),
    missingSecondStaff: byStatus(...ACTIVE_CASE_STATUSES).filter((c) => c.staff.length < 2),
    waitingReferrals: byStatus('henvist'),
    ...(await mine(ctx, byStatus(...ACTIVE_CASE_STATUSES), today)),
  };
}

/** «Mine saker» and «Mine timer denne uken» for whoever is signed in. */
async function mine(ctx: OnAnyEngine<ServiceContext>, activeCases: CaseDto[], today: string): Promise<Pick<OverviewDto, 'myCases' | 'myWeek'>> {
  const memberId = ctx.actor?.id;
  if (memberId === undefined) return { myCases: [], myWeek: null };
  const week = await timeWeek(ctx, { teamMemberId: memberId, weekStart: mondayOf(today) });
  return {
    myCases: activeCases.filter((c) => c.staff.some((s) => s.id === memberId)),
    myWeek: { weekStart: week.weekStart, minutes: week.minutes, entries: week.days.reduce((sum, d) => sum + d.entries, 0) },
  };
}
