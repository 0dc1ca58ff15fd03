import { sql } from 'kysely';
import { all } from '../../db/exec';
import type { CaseDto, OverviewDto } from '@shared/contract';
import { ACTIVE_CASE_STATUSES } from '@shared/domain/caseLife';
import { addDays, isoDateInOslo } from '@shared/dates';
import { baseCaseQuery, withStaff } from '../cases/list';
import { afterContactDue } from '../cases/transitions';
import type { ServiceContext } from '../context';
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

/**
 * The landing page: what needs the team's attention today. Imported cases (from the old time sheet) are
 * history without lifecycle data and never raise warnings here.
 */
export function getOverview(ctx: ServiceContext): OverviewDto {
  const today = isoDateInOslo(ctx.clock.now());
  const warningWeeks = readSettings(ctx).followUpWarningWeeks;
  const open = withStaff(
    ctx,
    all(
      ctx.db,
      baseCaseQuery(ctx)
        .where('c.status', 'in', [...ACTIVE_CASE_STATUSES, 'avsluttet'])
        .orderBy(sql`coalesce(c.referral_date, c.start_date)`)
        .orderBy('c.id'),
    ),
  );
  const byStatus = (...statuses: string[]) => open.filter((c) => statuses.includes(c.status));

  const active = byStatus('institusjonsfase', 'oppfolging')
    .map((c) => {
      const since = c.dischargeDate ?? (c.status === 'oppfolging' ? c.startDate : null);
      const weeks = since && since <= today ? wholeWeeksBetween(since, today) : null;
      return { ...c, weeksSinceDischarge: weeks, longFollowUp: weeks !== null && weeks >= warningWeeks };
    })
    .sort((a, b) => (b.weeksSinceDischarge ?? -1) - (a.weeksSinceDischarge ?? -1));

  const horizon = addDays(today, DUE_WITHIN_DAYS);
  const afterContacts = byStatus('avsluttet')
    .filter((c): c is CaseDto & { closedDate: string } => c.closedDate !== null)
    .map((c) => ({ ...c, dueDate: afterContactDue(c.closedDate), overdue: afterContactDue(c.closedDate) < today }))
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
    ...mine(ctx, byStatus(...ACTIVE_CASE_STATUSES), today),
  };
}

/** «Mine saker» and «Mine timer denne uken» for whoever is signed in. */
function mine(ctx: ServiceContext, activeCases: CaseDto[], today: string): Pick<OverviewDto, 'myCases' | 'myWeek'> {
  const memberId = ctx.actor?.id;
  if (memberId === undefined) return { myCases: [], myWeek: null };
  const week = timeWeek(ctx, { teamMemberId: memberId, weekStart: mondayOf(today) });
  return {
    myCases: activeCases.filter((c) => c.staff.some((s) => s.id === memberId)),
    myWeek: { weekStart: week.weekStart, minutes: week.minutes, entries: week.days.reduce((sum, d) => sum + d.entries, 0) },
  };
}
