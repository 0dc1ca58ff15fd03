import type { CaseSuggestionDto, ChannelParsedInput, TimeWeekDto } from '@shared/contract';
import { normaliseCaseCode } from '@shared/caseCode';
import { addDays } from '@shared/dates';
import { prepare } from '../../db/exec';
import type { ServiceContext } from '../context';
import { invalidField } from '../errors/serviceError';

function weekday(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** One member's week, Monday to Sunday, with the hours they took part in each day. */
export function timeWeek(ctx: ServiceContext, input: ChannelParsedInput<'time-entries:week'>): TimeWeekDto {
  if (weekday(input.weekStart) !== 1) throw invalidField('weekStart', 'Uka må starte på en mandag');
  const weekEnd = addDays(input.weekStart, 6);
  // From the member's participant rows (index on member, entry) to the day: a week is a handful of rows.
  const rows = prepare(
    ctx.db,
    `select t.entry_date as date, sum(t.minutes) as minutes, count(*) as entries
       from time_entry_participants p cross join time_entries t
      where p.team_member_id = ? and t.id = p.time_entry_id and t.entry_date between ? and ?
      group by t.entry_date`,
  ).all(input.teamMemberId, input.weekStart, weekEnd) as { date: string; minutes: number; entries: number }[];
  const byDate = new Map(rows.map((r) => [r.date, r]));
  const days = Array.from({ length: 7 }, (_, i) => {
    const date = addDays(input.weekStart, i);
    const row = byDate.get(date);
    return { date, minutes: row?.minutes ?? 0, entries: row?.entries ?? 0 };
  });
  return { teamMemberId: input.teamMemberId, weekStart: input.weekStart, days, minutes: days.reduce((sum, d) => sum + d.minutes, 0) };
}

/** Cases whose code contains what was typed, newest first, with their staff for the participants. */
export function caseSuggestions(ctx: ServiceContext, input: ChannelParsedInput<'time-entries:case-suggestions'>): CaseSuggestionDto[] {
  const needle = input.search ? normaliseCaseCode(input.search) : '';
  const rows = prepare(
    ctx.db,
    `select c.id, c.code, c.municipality_id as municipalityId, m.name as municipalityName,
            (select group_concat(team_member_id) from case_staff s where s.case_id = c.id) as staff
       from cases c join municipalities m on m.id = c.municipality_id
      where instr(c.code, ?) > 0
      order by c.year desc, c.running_number desc, c.code
      limit ?`,
  ).all(needle, input.limit) as { id: number; code: string; municipalityId: number; municipalityName: string; staff: string | null }[];
  return rows.map(({ staff, ...c }) => ({ ...c, staffIds: staff ? staff.split(',').map(Number) : [] }));
}
