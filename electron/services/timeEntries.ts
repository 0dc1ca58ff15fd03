import { sql, type ExpressionBuilder, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import { all, first, run, transaction } from '../db/exec';
import type { DB } from '../db/schema';
import type { ChannelParsedInput, TimeEntryDto, TimeEntryPageDto } from '../../shared/contract';
import { addDays, isoDateInOslo } from '../../shared/dates';
import { MAX_MINUTES_PER_ENTRY } from '../../shared/hours';
import { normaliseCaseCode } from '../../shared/caseCode';
import { requireActor } from './actor';
import { recordAudit } from './audit';
import type { ServiceContext } from './context';
import { invalidField, notFound } from './errors';
import { requireCaseByCode } from './cases';
import { requireActiveMembers } from './teamMembers';

type EntryInput = ChannelParsedInput<'time-entries:create'>;

const FIELD_NAMES = ['date', 'caseCode', 'municipalityId', 'categoryId', 'minutes', 'participantIds'] as const;
/** How far ahead an entry may be dated: planned driving or an overnight stay is logged a few days early. */
const MAX_DAYS_AHEAD = 7;

interface ResolvedEntry {
  entryDate: string;
  caseId: number | null;
  municipalityId: number;
  categoryId: number;
  minutes: number;
  participantIds: number[];
}

interface ExistingEntry {
  categoryId: number;
  participantIds: number[];
}

function resolveEntry(ctx: ServiceContext, input: EntryInput, existing?: ExistingEntry): ResolvedEntry {
  const actor = requireActor(ctx);
  const latest = addDays(isoDateInOslo(ctx.clock.now()), MAX_DAYS_AHEAD);
  if (input.date > latest) throw invalidField('date', 'Dato kan ikke være mer enn en uke fram i tid');

  const caseCode = input.caseCode?.trim() ? normaliseCaseCode(input.caseCode) : null;
  const caseId = caseCode ? requireCaseByCode(ctx, caseCode, 'caseCode').id : null;

  const municipality = first(ctx.db, ctx.db.kysely.selectFrom('municipalities').select('id').where('id', '=', input.municipalityId));
  if (!municipality) throw invalidField('municipalityId', 'Ukjent kommune');

  const category = first(
    ctx.db,
    ctx.db.kysely.selectFrom('categories').select(['id', 'retired_at']).where('id', '=', input.categoryId),
  );
  if (!category) throw invalidField('categoryId', 'Ukjent hendelse');
  // A retired category keeps its history but takes no new time; an old entry may keep it when edited.
  if (category.retired_at !== null && existing?.categoryId !== category.id) {
    throw invalidField('categoryId', 'Hendelsen er ikke lenger i bruk');
  }

  return {
    entryDate: input.date,
    caseId,
    municipalityId: input.municipalityId,
    categoryId: input.categoryId,
    minutes: input.hours,
    participantIds: resolveParticipants(ctx, input, actor.id, existing),
  };
}

/**
 * Participants as sent; when none are sent, a new entry gets the signed-in member and an edited entry
 * keeps the people it had — a colleague correcting the hours must not silently become the only one
 * who took part (and a member deactivated since then stays on their old entries).
 */
function resolveParticipants(ctx: ServiceContext, input: EntryInput, actorId: number, existing?: ExistingEntry): number[] {
  if (!input.participantIds?.length && existing) return existing.participantIds;
  const participantIds = [...new Set(input.participantIds?.length ? input.participantIds : [actorId])];
  requireActiveMembers(ctx, participantIds, 'participantIds');
  return participantIds;
}

/** Nobody works more than 24 hours in a day: refuse an entry that would take a participant past that. */
function checkDailyLimit(ctx: ServiceContext, entry: ResolvedEntry, ignoreEntryId: number | null): void {
  // Start from the day's entries (CROSS JOIN fixes SQLite's join order): led by the participant index
  // instead, the check would read every entry the member ever logged, and saving slows as the years pass.
  const rows = all(
    ctx.db,
    ctx.db.kysely
      .selectFrom('time_entries as t')
      .crossJoin('time_entry_participants as p')
      .innerJoin('team_members as m', 'm.id', 'p.team_member_id')
      .select((eb) => ['m.initials', eb.fn.sum<number>('t.minutes').as('minutes')])
      .whereRef('p.time_entry_id', '=', 't.id')
      .where('p.team_member_id', 'in', entry.participantIds)
      .where('t.entry_date', '=', entry.entryDate)
      .where('t.id', '!=', ignoreEntryId ?? -1)
      .groupBy('m.id'),
  );
  const over = rows.find((r) => r.minutes + entry.minutes > MAX_MINUTES_PER_ENTRY);
  if (over) {
    throw invalidField('hours', `${over.initials} får mer enn 24 timer denne dagen`);
  }
}

function insertParticipants(ctx: ServiceContext, entryId: number, participantIds: number[]): void {
  for (const memberId of participantIds) {
    run(ctx.db, ctx.db.kysely.insertInto('time_entry_participants').values({ time_entry_id: entryId, team_member_id: memberId }));
  }
}

export function createTimeEntry(ctx: ServiceContext, input: EntryInput, source: 'manual' | 'demo' = 'manual'): TimeEntryDto {
  const id = transaction(ctx.db, () => {
    const entry = resolveEntry(ctx, input);
    checkDailyLimit(ctx, entry, null);
    const now = ctx.clock.now().toISOString();
    const actorId = ctx.actor!.id;
    const { id } = first(
      ctx.db,
      ctx.db.kysely
        .insertInto('time_entries')
        .values({
          entry_date: entry.entryDate,
          case_id: entry.caseId,
          municipality_id: entry.municipalityId,
          category_id: entry.categoryId,
          minutes: entry.minutes,
          source,
          created_at: now,
          created_by: actorId,
          updated_at: now,
          updated_by: actorId,
        })
        .returning('id'),
    )!;
    insertParticipants(ctx, id, entry.participantIds);
    recordAudit(ctx, 'create', 'time_entry', id, FIELD_NAMES.filter((f) => f !== 'caseCode' || entry.caseId !== null));
    return id;
  });
  return getTimeEntry(ctx, id);
}

export function updateTimeEntry(ctx: ServiceContext, input: ChannelParsedInput<'time-entries:update'>): TimeEntryDto {
  transaction(ctx.db, () => {
    const before = first(ctx.db, ctx.db.kysely.selectFrom('time_entries').selectAll().where('id', '=', input.id));
    if (!before) throw notFound('Registreringen finnes ikke (den kan være slettet)');
    const beforeParticipants = participantIdsOf(ctx, input.id);
    const entry = resolveEntry(ctx, input, { categoryId: before.category_id, participantIds: beforeParticipants });
    checkDailyLimit(ctx, entry, input.id);
    const changed: string[] = [];
    if (before.entry_date !== entry.entryDate) changed.push('date');
    if (before.case_id !== entry.caseId) changed.push('caseCode');
    if (before.municipality_id !== entry.municipalityId) changed.push('municipalityId');
    if (before.category_id !== entry.categoryId) changed.push('categoryId');
    if (before.minutes !== entry.minutes) changed.push('minutes');
    const participantsChanged = beforeParticipants.join(',') !== [...entry.participantIds].sort((a, b) => a - b).join(',');
    if (participantsChanged) changed.push('participantIds');
    if (changed.length === 0) return;
    run(
      ctx.db,
      ctx.db.kysely
        .updateTable('time_entries')
        .set({
          entry_date: entry.entryDate,
          case_id: entry.caseId,
          municipality_id: entry.municipalityId,
          category_id: entry.categoryId,
          minutes: entry.minutes,
          updated_at: ctx.clock.now().toISOString(),
          updated_by: ctx.actor!.id,
        })
        .where('id', '=', input.id),
    );
    if (participantsChanged) {
      run(ctx.db, ctx.db.kysely.deleteFrom('time_entry_participants').where('time_entry_id', '=', input.id));
      insertParticipants(ctx, input.id, entry.participantIds);
    }
    recordAudit(ctx, 'update', 'time_entry', input.id, changed);
  });
  return getTimeEntry(ctx, input.id);
}

export function deleteTimeEntry(ctx: ServiceContext, input: { id: number }): { id: number } {
  requireActor(ctx);
  transaction(ctx.db, () => {
    const result = run(ctx.db, ctx.db.kysely.deleteFrom('time_entries').where('id', '=', input.id));
    if (result.changes === 0) throw notFound('Registreringen finnes ikke (den kan være slettet)');
    recordAudit(ctx, 'delete', 'time_entry', input.id);
  });
  return { id: input.id };
}

function participantIdsOf(ctx: ServiceContext, entryId: number): number[] {
  return all(
    ctx.db,
    ctx.db.kysely
      .selectFrom('time_entry_participants')
      .select('team_member_id')
      .where('time_entry_id', '=', entryId)
      .orderBy('team_member_id'),
  ).map((r) => r.team_member_id);
}

export function entryQuery(ctx: ServiceContext) {
  return ctx.db.kysely
    .selectFrom('time_entries as t')
    .innerJoin('municipalities as m', 'm.id', 't.municipality_id')
    .innerJoin('categories as k', 'k.id', 't.category_id')
    .leftJoin('cases as c', 'c.id', 't.case_id')
    .select([
      't.id',
      't.entry_date',
      't.case_id',
      'c.code as case_code',
      't.municipality_id',
      'm.name as municipality_name',
      't.category_id',
      'k.number as category_number',
      'k.name as category_name',
      't.minutes',
      't.created_at',
      't.updated_at',
    ]);
}

type EntryRow = Awaited<ReturnType<ReturnType<typeof entryQuery>['executeTakeFirstOrThrow']>>;

function withParticipants(ctx: ServiceContext, rows: EntryRow[]): TimeEntryDto[] {
  const ids = rows.map((r) => r.id);
  const participants = new Map<number, TimeEntryDto['participants']>();
  if (ids.length > 0) {
    const list = all(
      ctx.db,
      ctx.db.kysely
        .selectFrom('time_entry_participants as p')
        .innerJoin('team_members as m', 'm.id', 'p.team_member_id')
        .select(['p.time_entry_id', 'm.id', 'm.initials'])
        .where('p.time_entry_id', 'in', ids)
        .orderBy('m.initials'),
    );
    for (const p of list) {
      const entry = participants.get(p.time_entry_id) ?? [];
      entry.push({ id: p.id, initials: p.initials });
      participants.set(p.time_entry_id, entry);
    }
  }
  return rows.map((r) => ({
    id: r.id,
    date: r.entry_date,
    caseId: r.case_id,
    caseCode: r.case_code,
    municipalityId: r.municipality_id,
    municipalityName: r.municipality_name,
    categoryId: r.category_id,
    categoryNumber: r.category_number,
    categoryName: r.category_name,
    minutes: r.minutes,
    participants: participants.get(r.id) ?? [],
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

export function getTimeEntry(ctx: ServiceContext, id: number): TimeEntryDto {
  const row = first(ctx.db, entryQuery(ctx).where('t.id', '=', id));
  if (!row) throw notFound('Registreringen finnes ikke');
  return withParticipants(ctx, [row])[0]!;
}

type ListInput = ChannelParsedInput<'time-entries:list'>;

export function applyFilter(filter: ListInput['filter']) {
  return (eb: ExpressionBuilder<DB & { t: DB['time_entries'] }, 't'>) => {
    const conditions = [];
    if (filter.from) conditions.push(eb('t.entry_date', '>=', filter.from));
    if (filter.to) conditions.push(eb('t.entry_date', '<=', filter.to));
    if (filter.municipalityId) conditions.push(eb('t.municipality_id', '=', filter.municipalityId));
    if (filter.categoryId) conditions.push(eb('t.category_id', '=', filter.categoryId));
    if (filter.caseCode?.trim()) {
      const needle = normaliseCaseCode(filter.caseCode);
      conditions.push(
        eb('t.case_id', 'in', eb.selectFrom('cases').select('id').where(sql<boolean>`instr(code, ${needle}) > 0`)),
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
function pageIds(ctx: ServiceContext, input: ListInput) {
  const direction = input.sort.direction === 'asc' ? sql`asc` : sql`desc`;
  const thenBy = THEN_BY_DATE.includes(input.sort.field) ? sql`t.entry_date ${direction}, ` : sql``;
  const order = sql`${SORT_COLUMNS[input.sort.field]} ${direction}, ${thenBy}t.id ${direction}`;
  if (input.sort.field === 'caseCode') return { ids: caseOrderedPageIds(ctx, input, direction), order };
  // The four shapes share nothing Kysely can type as one; the SQL is the same builder either way.
  const base: SelectQueryBuilder<any, any, object> =
    input.sort.field === 'category'
      ? ctx.db.kysely.selectFrom('categories as k').crossJoin('time_entries as t').whereRef('t.category_id', '=', 'k.id')
      : input.sort.field === 'municipality'
        ? ctx.db.kysely.selectFrom('municipalities as m').crossJoin('time_entries as t').whereRef('t.municipality_id', '=', 'm.id')
        : ctx.db.kysely.selectFrom('time_entries as t');
  return {
    ids: base
      .select(sql<number>`t.id`.as('id'))
      .where(applyFilter(input.filter) as never)
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
function caseOrderedPageIds(ctx: ServiceContext, input: ListInput, direction: RawBuilder<unknown>) {
  const filter = applyFilter(input.filter) as never;
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

/**
 * Hours, person-hours and entries for the filter. Filters on date, municipality and category are
 * answered from the per-day totals (migration 0002), a few thousand rows instead of a million;
 * a case or a team member needs the entries themselves.
 */
function filterTotals(ctx: ServiceContext, filter: ListInput['filter']): TimeEntryPageDto['totals'] {
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
    return first(ctx.db, query)!;
  }
  // One member's entries are a few percent of all: start from their participant rows, not from every entry.
  const source: SelectQueryBuilder<any, any, object> = filter.teamMemberId
    ? ctx.db.kysely
        .selectFrom('time_entry_participants as p')
        .crossJoin('time_entries as t')
        .whereRef('t.id', '=', 'p.time_entry_id')
        .where('p.team_member_id', '=', filter.teamMemberId)
    : ctx.db.kysely.selectFrom('time_entries as t');
  return first(
    ctx.db,
    source
      .select((eb) => [
        eb.fn.countAll<number>().as('entries'),
        sql<number>`coalesce(sum(t.minutes), 0)`.as('minutes'),
        sql<number>`coalesce(sum(t.minutes * t.participant_count), 0)`.as('personMinutes'),
      ])
      // The member is already the source: checking it again per entry cost a fifth of the query.
      .where(applyFilter({ ...filter, teamMemberId: undefined }) as never),
  ) as TimeEntryPageDto['totals'];
}

export function listTimeEntries(ctx: ServiceContext, input: ListInput): TimeEntryPageDto {
  const { ids, order } = pageIds(ctx, input);
  const rows = all(ctx.db, entryQuery(ctx).where('t.id', 'in', ids as never).orderBy(order));
  const totals = filterTotals(ctx, input.filter);
  return {
    rows: withParticipants(ctx, rows),
    total: totals.entries,
    page: input.page,
    pageSize: input.pageSize,
    totals: { minutes: totals.minutes, personMinutes: totals.personMinutes, entries: totals.entries },
  };
}
