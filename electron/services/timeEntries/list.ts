import { sql, type ExpressionBuilder, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import { all, first } from '../../db/query';
import type { Db } from '../../db/engine';
import { containsText } from '../../db/dialect';
import type { DB } from '../../db/schema';
import type { ChannelParsedInput, TimeEntryPageDto } from '@shared/contract';
import { normaliseCaseCode } from '@shared/caseCode';
import type { DbContext } from '../context';
import { entryQuery, withParticipants } from './read';

type ListInput = ChannelParsedInput<'time-entries:list'>;

export function applyFilter(db: Pick<Db, 'engine'>, filter: ListInput['filter']) {
  return (eb: ExpressionBuilder<DB & { t: DB['time_entries'] }, 't'>) => {
    const conditions = [];
    if (filter.from) conditions.push(eb('t.entry_date', '>=', filter.from));
    if (filter.to) conditions.push(eb('t.entry_date', '<=', filter.to));
    if (filter.municipalityId) conditions.push(eb('t.municipality_id', '=', filter.municipalityId));
    if (filter.categoryId) conditions.push(eb('t.category_id', '=', filter.categoryId));
    if (filter.caseCode?.trim()) {
      const needle = normaliseCaseCode(filter.caseCode);
      conditions.push(
        eb(
          't.case_id',
          'in',
          eb
            .selectFrom('cases')
            .select('id')
            .where(containsText(db, sql.ref('code'), needle)),
        ),
      );
    }
    if (filter.teamMemberId) {
      conditions.push(
        eb.exists(
          eb
            .selectFrom('time_entry_participants as p')
            .select('p.time_entry_id')
            .whereRef('p.time_entry_id', '=', 't.id')
            .where('p.team_member_id', '=', filter.teamMemberId),
        ),
      );
    }
    return eb.and(conditions);
  };
}

const SORT_COLUMNS = {
  date: sql`t.entry_date`,
  caseCode: sql`c.code`,
  municipality: sql`m.sort_order`,
  category: sql`k.number`,
  minutes: sql`t.minutes`,
  createdAt: sql`t.created_at`,
} as const;

type SortField = ListInput['sort']['field'];
/** Second key after the sorted column: newest first within a category or municipality, by the same index. */
const THEN_BY_DATE: readonly SortField[] = ['category', 'municipality', 'caseCode'];

/**
 * The ids of one page, found on the indexes alone: SQLite computes every joined column of every row it
 * skips, so OFFSET over the full join reads 200,000 rows to show row 200,001. Sorted by category or
 * municipality, the small table leads (CROSS JOIN fixes the order) and its index hands the entries
 * over in order, so no million-row sort is needed.
 */
function pageIds(ctx: DbContext, input: ListInput) {
  const direction = input.sort.direction === 'asc' ? sql`asc` : sql`desc`;
  const thenBy = THEN_BY_DATE.includes(input.sort.field) ? sql`t.entry_date ${direction}, ` : sql``;
  const order = sql`${SORT_COLUMNS[input.sort.field]} ${direction}, ${thenBy}t.id ${direction}`;
  if (input.sort.field === 'caseCode') return { ids: caseOrderedPageIds(ctx, input, direction), order };
  // The four shapes share nothing Kysely can type as one; the SQL is the same builder either way.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see the line above
  const base: SelectQueryBuilder<any, any, object> =
    input.sort.field === 'category'
      ? ctx.db.kysely.selectFrom('categories as k').crossJoin('time_entries as t').whereRef('t.category_id', '=', 'k.id')
      : input.sort.field === 'municipality'
        ? ctx.db.kysely.selectFrom('municipalities as m').crossJoin('time_entries as t').whereRef('t.municipality_id', '=', 'm.id')
        : ctx.db.kysely.selectFrom('time_entries as t');
  return {
    ids: base
      .select(sql<number>`t.id`.as('id'))
      .where(applyFilter(ctx.db, input.filter) as never)
      .orderBy(order)
      .limit(input.pageSize)
      .offset(input.page * input.pageSize),
    order,
  };
}

/**
 * Sorted by case: a LEFT JOIN ordered by the case code made SQLite sort a million rows (0.7 s). As two
 * arms merged by UNION ALL — entries without a case (code NULL, first when ascending, as in the join),
 * then cases in code order, each handing over its entries from time_entries_by_case — the page comes
 * from the indexes in order, and only the entries without a case are sorted.
 */
function caseOrderedPageIds(ctx: DbContext, input: ListInput, direction: RawBuilder<unknown>) {
  const filter = applyFilter(ctx.db, input.filter) as never;
  const withoutCase = ctx.db.kysely
    .selectFrom('time_entries as t')
    .select([sql<number>`t.id`.as('id'), sql<string | null>`null`.as('code'), sql<string>`t.entry_date`.as('entry_date')])
    .where('t.case_id', 'is', null)
    .where(filter);
  const withCase = ctx.db.kysely
    .selectFrom('cases as c')
    .crossJoin('time_entries as t')
    .whereRef('t.case_id', '=', 'c.id')
    .select([sql<number>`t.id`.as('id'), sql<string | null>`c.code`.as('code'), sql<string>`t.entry_date`.as('entry_date')])
    .where(filter);
  const page = withoutCase
    .unionAll(withCase)
    .orderBy(sql`code ${direction}, entry_date ${direction}, id ${direction}`)
    .limit(input.pageSize)
    .offset(input.page * input.pageSize);
  return ctx.db.kysely.selectFrom(page.as('page')).select('page.id');
}

/** True when any field of the filter narrows the entries (every field, so a new one is never overlooked). */
function hasFilter(filter: ListInput['filter']): boolean {
  return Object.values(filter).some((value) => value !== undefined && value !== null && (typeof value !== 'string' || value.trim() !== ''));
}

/**
 * Hours, person-hours and entries for the filter. Filters on date, municipality and category are
 * answered from the per-day totals (migration 0002), a few thousand rows instead of a million;
 * a case or a team member needs the entries themselves.
 */
async function filterTotals(ctx: DbContext, filter: ListInput['filter']): Promise<TimeEntryPageDto['totals']> {
  if (!filter.caseCode?.trim() && !filter.teamMemberId) {
    let query = ctx.db.kysely
      .selectFrom('time_totals_daily as d')
      .select([
        sql<number>`coalesce(sum(d.entries), 0)`.as('entries'),
        sql<number>`coalesce(sum(d.minutes), 0)`.as('minutes'),
        sql<number>`coalesce(sum(d.person_minutes), 0)`.as('personMinutes'),
      ]);
    if (filter.from) query = query.where('d.entry_date', '>=', filter.from);
    if (filter.to) query = query.where('d.entry_date', '<=', filter.to);
    if (filter.municipalityId) query = query.where('d.municipality_id', '=', filter.municipalityId);
    if (filter.categoryId) query = query.where('d.category_id', '=', filter.categoryId);
    return (await first(ctx.db, query))!;
  }
  const others = { ...filter, teamMemberId: undefined };
  if (filter.teamMemberId && !hasFilter(others)) {
    // The member alone: their rows of the member index carry the entries' minutes and participant
    // counts (migration 0018), so the totals are one range of that index, no entry is looked up.
    return (await first(
      ctx.db,
      ctx.db.kysely
        .selectFrom('time_entry_participants as p')
        .select((eb) => [
          eb.fn.countAll<number>().as('entries'),
          sql<number>`coalesce(sum(p.entry_minutes), 0)`.as('minutes'),
          sql<number>`coalesce(sum(p.entry_minutes * p.entry_participants), 0)`.as('personMinutes'),
        ])
        .where('p.team_member_id', '=', filter.teamMemberId),
    ))!;
  }
  // One member's entries are a few percent of all: start from their participant rows, not from every entry.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the two sources, like pageIds' four, share no Kysely type
  const source: SelectQueryBuilder<any, any, object> = filter.teamMemberId
    ? ctx.db.kysely
        .selectFrom('time_entry_participants as p')
        .crossJoin('time_entries as t')
        .whereRef('t.id', '=', 'p.time_entry_id')
        .where('p.team_member_id', '=', filter.teamMemberId)
    : ctx.db.kysely.selectFrom('time_entries as t');
  return (await first(
    ctx.db,
    source
      .select((eb) => [
        eb.fn.countAll<number>().as('entries'),
        sql<number>`coalesce(sum(t.minutes), 0)`.as('minutes'),
        sql<number>`coalesce(sum(t.minutes * t.participant_count), 0)`.as('personMinutes'),
      ])
      // The member is already the source: checking it again per entry cost a fifth of the query.
      .where(applyFilter(ctx.db, others) as never),
  )) as TimeEntryPageDto['totals'];
}

export async function listTimeEntries(ctx: DbContext, input: ListInput): Promise<TimeEntryPageDto> {
  const { ids, order } = pageIds(ctx, input);
  const rows = await all(
    ctx.db,
    entryQuery(ctx)
      .where('t.id', 'in', ids as never)
      .orderBy(order),
  );
  const totals = await filterTotals(ctx, input.filter);
  return {
    rows: await withParticipants(ctx, rows),
    total: totals.entries,
    page: input.page,
    pageSize: input.pageSize,
    totals: { minutes: totals.minutes, personMinutes: totals.personMinutes, entries: totals.entries },
  };
}
