import { sql, type Expression, type SqlBool } from 'kysely';
import { all, first } from '../../db/exec';
import { sortKey } from '../../db/norwegianText';
import type { CaseDto, CasePageDto, ChannelParsedInput } from '@shared/contract';
import { CASE_STATUSES } from '@shared/domain/caseStatus';
import type { ServiceContext } from '../context';
import { wholeCaseList } from './wholeList';

function casesWithMunicipality(ctx: ServiceContext) {
  return ctx.db.kysely.selectFrom('cases as c').innerJoin('municipalities as m', 'm.id', 'c.municipality_id');
}

export function baseCaseQuery(ctx: ServiceContext) {
  return casesWithMunicipality(ctx).select([
    'c.id',
    'c.code',
    'c.municipality_id',
    'm.name as municipality_name',
    'c.year',
    'c.running_number',
    'c.status',
    'c.referral_date',
    'c.start_date',
    'c.closed_date',
    'c.discharge_date',
    'c.risk_assessment_done',
    'c.logged_minutes as minutes',
  ]);
}

type BaseCaseQuery = ReturnType<typeof baseCaseQuery>;
type CaseIdQuery = ReturnType<typeof caseIdQuery>;
export type CaseRowWithJoins = Awaited<ReturnType<BaseCaseQuery['executeTakeFirstOrThrow']>>;

function caseIdQuery(ctx: ServiceContext) {
  return casesWithMunicipality(ctx).select('c.id');
}

/**
 * Each case's staff in Norwegian name order. The ids go in as one JSON parameter: one cached statement
 * for any number of cases, and no parameter limit. Sorted here rather than with nb_key in SQL: a case
 * has two or three staff, and a JavaScript call per row (10,000 for the whole list) cost more than the query.
 */
export function staffByCase(ctx: ServiceContext, caseIds: number[]): Map<number, CaseDto['staff']> {
  const byCase = new Map<number, CaseDto['staff']>();
  if (caseIds.length === 0) return byCase;
  const query = ctx.db.kysely
    .selectFrom('case_staff as s')
    .innerJoin('team_members as t', 't.id', 's.team_member_id')
    .select(['s.case_id', 't.id', 't.initials', 't.display_name'])
    .where(sql<SqlBool>`s.case_id in (select value from json_each(${JSON.stringify(caseIds)}))`);
  const keys = new Map<number, string>();
  for (const row of all(ctx.db, query)) {
    if (!keys.has(row.id)) keys.set(row.id, sortKey(row.display_name));
    const list = byCase.get(row.case_id) ?? [];
    list.push({ id: row.id, initials: row.initials, displayName: row.display_name });
    byCase.set(row.case_id, list);
  }
  const key = (id: number) => keys.get(id)!;
  for (const list of byCase.values()) {
    if (list.length > 1) list.sort((a, b) => (key(a.id) < key(b.id) ? -1 : key(a.id) > key(b.id) ? 1 : a.id - b.id));
  }
  return byCase;
}

export function toCaseDto(row: CaseRowWithJoins, staff: CaseDto['staff']): CaseDto {
  return {
    id: row.id,
    code: row.code,
    municipalityId: row.municipality_id,
    municipalityName: row.municipality_name,
    year: row.year,
    runningNumber: row.running_number,
    status: row.status,
    referralDate: row.referral_date,
    startDate: row.start_date,
    closedDate: row.closed_date,
    dischargeDate: row.discharge_date,
    riskAssessed: row.risk_assessment_done === 1,
    staff,
    minutes: row.minutes,
  };
}

/** Turns rows of `baseCaseQuery` into DTOs with their staff, in one extra query. */
export function withStaff(ctx: ServiceContext, rows: CaseRowWithJoins[]): CaseDto[] {
  const staff = staffByCase(
    ctx,
    rows.map((r) => r.id),
  );
  return rows.map((row) => toCaseDto(row, staff.get(row.id) ?? []));
}

/** One case as a list row: what a new case's form needs back, without the case page's details. */
export function caseSummary(ctx: ServiceContext, id: number): CaseDto {
  return withStaff(ctx, all(ctx.db, baseCaseQuery(ctx).where('c.id', '=', id)))[0]!;
}

type CaseFilter = ChannelParsedInput<'cases:list'>;

function caseFilter(filter: CaseFilter): Expression<SqlBool>[] {
  const conditions: Expression<SqlBool>[] = [];
  if (filter.status) conditions.push(sql<SqlBool>`c.status = ${filter.status}`);
  if (filter.municipalityId) conditions.push(sql<SqlBool>`c.municipality_id = ${filter.municipalityId}`);
  if (filter.year) conditions.push(sql<SqlBool>`c.year = ${filter.year}`);
  if (filter.staffId) {
    conditions.push(sql<SqlBool>`exists (select 1 from case_staff f where f.case_id = c.id and f.team_member_id = ${filter.staffId})`);
  }
  const search = filter.search?.trim();
  if (search) conditions.push(sql<SqlBool>`instr(nb_fold(c.code), nb_fold(${search})) > 0`);
  return conditions;
}

/** What the filter and the default order need of a query: the full rows and the id-only rows share them. */
interface CaseQueryShape<Q> {
  where(condition: Expression<SqlBool>): Q;
  orderBy(expression: Expression<unknown>, direction?: 'asc' | 'desc'): Q;
}

function filtered<Q extends CaseQueryShape<Q>>(query: Q, filter: CaseFilter): Q {
  let q = query;
  for (const condition of caseFilter(filter)) q = q.where(condition);
  return q;
}

const newestFirst = <Q extends CaseQueryShape<Q>>(query: Q): Q =>
  query
    .orderBy(sql`c.year`, 'desc')
    .orderBy(sql`m.sort_order`)
    .orderBy(sql`c.running_number`, 'desc');

export function listCases(ctx: ServiceContext, input: CaseFilter): CaseDto[] {
  return wholeCaseList(ctx, caseFilter(input));
}

const STATUS_ORDER = sql.join(
  CASE_STATUSES.map((status, index) => sql`when ${sql.lit(status)} then ${sql.lit(index)}`),
  sql` `,
);

/**
 * Norwegian order of the municipalities' names or codes as a CASE over their ids: the municipality table
 * has a dozen rows, so its keys are computed once here instead of once per case row in SQL.
 */
function municipalityOrder(ctx: ServiceContext, column: 'name' | 'code') {
  const rows = all(ctx.db, ctx.db.kysely.selectFrom('municipalities').select(['id', 'name', 'code']));
  const ranked = rows.map((m) => ({ id: m.id, key: sortKey(m[column] ?? '') })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.id - b.id));
  return sql`case c.municipality_id ${sql.join(
    ranked.map((m, rank) => sql`when ${sql.lit(m.id)} then ${sql.lit(rank)}`),
    sql` `,
  )} end`;
}

function sortCases(ctx: ServiceContext, query: CaseIdQuery, sort: ChannelParsedInput<'cases:page'>['sort']): CaseIdQuery {
  if (!sort) return newestFirst(query).orderBy('c.id', 'desc');
  const dir = sort.direction;
  switch (sort.field) {
    case 'code':
      query = query.orderBy('c.year', dir).orderBy(municipalityOrder(ctx, 'code'), dir).orderBy('c.running_number', dir);
      break;
    case 'municipality':
      query = query.orderBy(municipalityOrder(ctx, 'name'), dir);
      break;
    case 'referralDate':
      query = query.orderBy(sql`c.referral_date is null`).orderBy('c.referral_date', dir);
      break;
    case 'status':
      query = query.orderBy(sql`case c.status ${STATUS_ORDER} end`, dir);
      break;
    case 'minutes':
      // Kept by triggers (migration 0017); its index (logged_minutes, id) hands out the page in order.
      query = query.orderBy('c.logged_minutes', dir);
      break;
  }
  return query.orderBy('c.id', dir);
}

/**
 * One page of cases, filtered, sorted and counted in SQL so the list stays quick at thousands of cases.
 * The page's ids are found first on the narrow rows; only those get their minutes and staff, which the
 * sorter would otherwise compute for every case.
 */
export function pageCases(ctx: ServiceContext, input: ChannelParsedInput<'cases:page'>): CasePageDto {
  const total =
    first(
      ctx.db,
      filtered(caseIdQuery(ctx), input.filter)
        .clearSelect()
        .select((eb) => eb.fn.countAll<number>().as('n')),
    )?.n ?? 0;
  const ids = all(
    ctx.db,
    sortCases(ctx, filtered(caseIdQuery(ctx), input.filter), input.sort)
      .limit(input.pageSize)
      .offset(input.page * input.pageSize),
  ).map((r) => r.id);
  const rows = ids.length ? all(ctx.db, baseCaseQuery(ctx).where('c.id', 'in', ids)) : [];
  const position = new Map(ids.map((id, index) => [id, index]));
  rows.sort((a, b) => position.get(a.id)! - position.get(b.id)!);
  return { rows: withStaff(ctx, rows), total, page: input.page, pageSize: input.pageSize };
}
