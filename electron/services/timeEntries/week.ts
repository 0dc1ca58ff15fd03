import { sql } from 'kysely';
import type { CaseSuggestionDto, ChannelParsedInput, TimeWeekDto } from '@shared/contract';
import { normaliseCaseCode } from '@shared/caseCode';
import { addDays } from '@shared/dates';
import { containsText } from '../../db/dialect';
import { all } from '../../db/query';
import type { DbContext } from '../context';
import { invalidField } from '../errors/serviceError';

function weekday(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** One member's week, Monday to Sunday, with the hours they took part in each day. */
export async function timeWeek(ctx: DbContext, input: ChannelParsedInput<'time-entries:week'>): Promise<TimeWeekDto> {
  if (weekday(input.weekStart) !== 1) throw invalidField('weekStart', 'Uka må starte på en mandag');
  const weekEnd = addDays(input.weekStart, 6);
  // From the member's participant rows (index on member, entry) to the day: a week is a handful of rows.
  const rows = await all(
    ctx.db,
    sql<{ date: string; minutes: number; entries: number }>`select t.entry_date as date, sum(t.minutes) as minutes, count(*) as entries
       from time_entry_participants p cross join time_entries t
      where p.team_member_id = ${input.teamMemberId} and t.id = p.time_entry_id and t.entry_date between ${input.weekStart} and ${weekEnd}
      group by t.entry_date`,
  );
  const byDate = new Map(rows.map((r) => [r.date, r]));
  const days = Array.from({ length: 7 }, (_, i) => {
    const date = addDays(input.weekStart, i);
    const row = byDate.get(date);
    return { date, minutes: row?.minutes ?? 0, entries: row?.entries ?? 0 };
  });
  return { teamMemberId: input.teamMemberId, weekStart: input.weekStart, days, minutes: days.reduce((sum, d) => sum + d.minutes, 0) };
}

/** Cases whose code contains what was typed, newest first, with their staff for the participants. */
export async function caseSuggestions(ctx: DbContext, input: ChannelParsedInput<'time-entries:case-suggestions'>): Promise<CaseSuggestionDto[]> {
  const needle = input.search ? normaliseCaseCode(input.search) : '';
  const cases = await all(
    ctx.db,
    ctx.db.kysely
      .selectFrom('cases as c')
      .innerJoin('municipalities as m', 'm.id', 'c.municipality_id')
      .select(['c.id', 'c.code', 'c.municipality_id as municipalityId', 'm.name as municipalityName'])
      .where(containsText(ctx.db, sql.ref('c.code'), needle))
      .orderBy('c.year', 'desc')
      .orderBy('c.running_number', 'desc')
      .orderBy('c.code')
      .limit(input.limit),
  );
  // The staff in a second query rather than a string aggregate in the first: the engines spell that differently.
  const staff =
    cases.length === 0
      ? []
      : await all(
          ctx.db,
          ctx.db.kysely
            .selectFrom('case_staff')
            .select(['case_id', 'team_member_id'])
            .where(
              'case_id',
              'in',
              cases.map((c) => c.id),
            )
            .orderBy('case_id')
            .orderBy('team_member_id'),
        );
  return cases.map((c) => ({ ...c, staffIds: staff.filter((s) => s.case_id === c.id).map((s) => s.team_member_id) }));
}
