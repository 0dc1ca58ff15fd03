import { daysInMonth, toIsoDate } from '@shared/dates';
import { todayIso } from '@renderer/lib/dates';
import type { EntryFilter } from './EntryFilters';

/** The calendar month of an ISO date, first to last day. */
export function monthOf(isoDate: string): { from: string; to: string } {
  const [year, month] = [Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7))];
  return { from: toIsoDate(year, month, 1), to: toIsoDate(year, month, daysInMonth(year, month)) };
}

/**
 * What the list opens on: the member's own entries this month, a few dozen rows instead of the whole
 * team's years. Without a member (not expected once signed in) the month of the whole team.
 */
export function monthFilter(memberId: number | undefined, today = todayIso()): EntryFilter {
  return { ...monthOf(today), ...(memberId === undefined ? {} : { teamMemberId: memberId }) };
}
