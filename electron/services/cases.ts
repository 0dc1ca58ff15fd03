import { sql } from 'kysely';
import { all, first, run, transaction } from '../db/exec';
import type { CaseDetailDto, CaseDto, CasePageDto, ChannelParsedInput } from '../../shared/contract';
import { CASE_STATUSES } from '../../shared/domain/caseStatus';
import { caseDetail } from './caseDetail';
import { recordTransition } from './caseTransitions';
import { formatCaseCode, normaliseCaseCode, parseCaseCode } from '../../shared/caseCode';
import { isoDateInOslo } from '../../shared/dates';
import { requireActor } from './actor';
import { recordAudit } from './audit';
import type { ServiceContext } from './context';
import { invalidField, notFound, ServiceError } from './errors';
import { requireActiveMembers } from './teamMembers';

interface MemberMunicipality {
  id: number;
  code: string;
  name: string;
}

/** Cases belong to one of the member municipalities, and only while it was a member. */
function requireCaseMunicipality(ctx: ServiceContext, municipalityId: number, onDate: string): MemberMunicipality {
  const row = first(ctx.db, ctx.db.kysely.selectFrom('municipalities').selectAll().where('id', '=', municipalityId));
  if (!row) throw invalidField('municipalityId', 'Ukjent kommune');
  if (row.kind !== 'member' || !row.code) {
    throw invalidField('municipalityId', 'En sak må høre til en av kommunene i samarbeidet');
  }
  if ((row.member_from && onDate < row.member_from) || (row.member_to && onDate > row.member_to)) {
    throw invalidField('referralDate', `${row.name} var ikke med i samarbeidet på henvisningsdatoen`);
  }
  return { id: row.id, code: row.code, name: row.name };
}

function nextRunningNumber(ctx: ServiceContext, municipalityId: number, year: number): number {
  const row = first(
    ctx.db,
    ctx.db.kysely
      .selectFrom('cases')
      .select((eb) => eb.fn.max('running_number').as('max'))
      .where('municipality_id', '=', municipalityId)
      .where('year', '=', year),
  );
  return (row?.max ?? 0) + 1;
}

function codeExists(ctx: ServiceContext, code: string): boolean {
  return first(ctx.db, ctx.db.kysely.selectFrom('cases').select('id').where('code', '=', code)) !== undefined;
}

function generateCode(ctx: ServiceContext, municipality: MemberMunicipality, year: number): { code: string; runningNumber: number } {
  let runningNumber = nextRunningNumber(ctx, municipality.id, year);
  let code = formatCaseCode({ runningNumber, year, municipalityCode: municipality.code });
  // A hand-corrected code may already occupy the next number; move past it.
  while (codeExists(ctx, code)) {
    runningNumber += 1;
    code = formatCaseCode({ runningNumber, year, municipalityCode: municipality.code });
  }
  return { code, runningNumber };
}

/**
 * A hand-corrected code may change the running number only: its municipality letters and year are part
 * of the case's identity and of the numbering sequence, so they must match the case. Returns the number.
 */
export function requireCodeFits(code: string, municipality: MemberMunicipality, year: number): number {
  const parts = parseCaseCode(code)!;
  if (parts.municipalityCode !== municipality.code.toLocaleUpperCase('nb')) {
    throw invalidField('code', `Saksnummeret må slutte på -${municipality.code} for ${municipality.name}`);
  }
  if (parts.year % 100 !== year % 100) {
    throw invalidField('code', 'Årstallet i saksnummeret må være året i henvisningsdatoen');
  }
  return parts.runningNumber;
}

export function nextCaseCode(ctx: ServiceContext, input: ChannelParsedInput<'cases:next-code'>): { code: string } {
  const municipality = requireCaseMunicipality(ctx, input.municipalityId, input.referralDate);
  return { code: generateCode(ctx, municipality, Number(input.referralDate.slice(0, 4))).code };
}

export function createCase(ctx: ServiceContext, input: ChannelParsedInput<'cases:create'>): CaseDto {
  requireActor(ctx);
  const id = transaction(ctx.db, () => {
    const municipality = requireCaseMunicipality(ctx, input.municipalityId, input.referralDate);
    // A referral has happened when it is registered; a future date is a typing error.
    if (input.referralDate > isoDateInOslo(ctx.clock.now())) {
      throw invalidField('referralDate', 'Henvisningsdato kan ikke være fram i tid');
    }
    const year = Number(input.referralDate.slice(0, 4));
    let code: string;
    let runningNumber: number;
    if (input.code) {
      code = normaliseCaseCode(input.code);
      runningNumber = requireCodeFits(code, municipality, year);
      if (codeExists(ctx, code)) {
        // The message names no value: error texts never echo what was sent.
        throw new ServiceError('conflict', 'Saksnummeret er allerede i bruk', { code: 'Saksnummeret er allerede i bruk' });
      }
    } else {
      ({ code, runningNumber } = generateCode(ctx, municipality, year));
    }
    const staff = requireActiveMembers(ctx, input.staffIds ?? [], 'staffIds');
    const now = ctx.clock.now().toISOString();
    const inserted = first(
      ctx.db,
      ctx.db.kysely
        .insertInto('cases')
        .values({
          code,
          municipality_id: municipality.id,
          year,
          running_number: runningNumber,
          status: 'henvist',
          referral_date: input.referralDate,
          created_at: now,
          updated_at: now,
        })
        .returning('id'),
    )!;
    recordTransition(ctx, inserted.id, null, 'henvist', input.referralDate);
    for (const member of staff) {
      all(ctx.db, ctx.db.kysely.insertInto('case_staff').values({ case_id: inserted.id, team_member_id: member.id }).returning('case_id'));
    }
    const fields = ['code', 'municipalityId', 'referralDate', 'status', ...(staff.length ? ['staffIds'] : [])];
    recordAudit(ctx, 'create', 'case', inserted.id, fields);
    return inserted.id;
  });
  return getCase(ctx, { id });
}

export function baseCaseQuery(ctx: ServiceContext) {
  return ctx.db.kysely
    .selectFrom('cases as c')
    .innerJoin('municipalities as m', 'm.id', 'c.municipality_id')
    .select([
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
      sql<number>`(select coalesce(sum(t.minutes), 0) from time_entries t where t.case_id = c.id)`.as('minutes'),
    ]);
}

type BaseCaseQuery = ReturnType<typeof baseCaseQuery>;
export type CaseRowWithJoins = Awaited<ReturnType<BaseCaseQuery['executeTakeFirstOrThrow']>>;

// Above this many cases a filter by id list would approach SQLite's parameter limit; reading every
// staff row (a few per case) is cheaper than that anyway.
const STAFF_BY_ID_LIMIT = 500;

export function staffByCase(ctx: ServiceContext, caseIds: number[]): Map<number, CaseDto['staff']> {
  const byCase = new Map<number, CaseDto['staff']>();
  if (caseIds.length === 0) return byCase;
  let query = ctx.db.kysely
    .selectFrom('case_staff as s')
    .innerJoin('team_members as t', 't.id', 's.team_member_id')
    .select(['s.case_id', 't.id', 't.initials', 't.display_name'])
    .orderBy(sql`nb_key(t.display_name)`);
  if (caseIds.length <= STAFF_BY_ID_LIMIT) query = query.where('s.case_id', 'in', caseIds);
  for (const row of all(ctx.db, query)) {
    const list = byCase.get(row.case_id) ?? [];
    list.push({ id: row.id, initials: row.initials, displayName: row.display_name });
    byCase.set(row.case_id, list);
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
    status: row.status as CaseDto['status'],
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
  const staff = staffByCase(ctx, rows.map((r) => r.id));
  return rows.map((row) => toCaseDto(row, staff.get(row.id) ?? []));
}

type CaseFilter = ChannelParsedInput<'cases:list'>;

function applyCaseFilter<Q extends BaseCaseQuery>(query: Q, filter: CaseFilter): Q {
  let q = query as BaseCaseQuery;
  if (filter.status) q = q.where('c.status', '=', filter.status);
  if (filter.municipalityId) q = q.where('c.municipality_id', '=', filter.municipalityId);
  if (filter.year) q = q.where('c.year', '=', filter.year);
  if (filter.staffId) {
    const staffId = filter.staffId;
    q = q.where((eb) => eb.exists(eb.selectFrom('case_staff as f').select('f.case_id').whereRef('f.case_id', '=', 'c.id').where('f.team_member_id', '=', staffId)));
  }
  const search = filter.search?.trim();
  if (search) q = q.where(sql<boolean>`instr(nb_fold(c.code), nb_fold(${search})) > 0`);
  return q as Q;
}

const newestFirst = (query: BaseCaseQuery) => query.orderBy('c.year', 'desc').orderBy('m.sort_order').orderBy('c.running_number', 'desc');

export function listCases(ctx: ServiceContext, input: CaseFilter): CaseDto[] {
  return withStaff(ctx, all(ctx.db, newestFirst(applyCaseFilter(baseCaseQuery(ctx), input))));
}

const STATUS_ORDER = sql.join(CASE_STATUSES.map((status, index) => sql`when ${sql.lit(status)} then ${sql.lit(index)}`), sql` `);

function sortCases(query: BaseCaseQuery, sort: ChannelParsedInput<'cases:page'>['sort']): BaseCaseQuery {
  if (!sort) return newestFirst(query).orderBy('c.id', 'desc');
  const dir = sort.direction;
  switch (sort.field) {
    case 'code':
      query = query.orderBy('c.year', dir).orderBy(sql`nb_key(m.code)`, dir).orderBy('c.running_number', dir);
      break;
    case 'municipality':
      query = query.orderBy(sql`nb_key(m.name)`, dir);
      break;
    case 'referralDate':
      query = query.orderBy(sql`c.referral_date is null`).orderBy('c.referral_date', dir);
      break;
    case 'status':
      query = query.orderBy(sql`case c.status ${STATUS_ORDER} end`, dir);
      break;
    case 'minutes':
      query = query.orderBy(sql`minutes`, dir);
      break;
  }
  return query.orderBy('c.id', dir);
}

/** One page of cases, filtered, sorted and counted in SQL so the list stays quick at thousands of cases. */
export function pageCases(ctx: ServiceContext, input: ChannelParsedInput<'cases:page'>): CasePageDto {
  const filtered = applyCaseFilter(baseCaseQuery(ctx), input.filter);
  const total =
    first(
      ctx.db,
      applyCaseFilter(
        ctx.db.kysely.selectFrom('cases as c').innerJoin('municipalities as m', 'm.id', 'c.municipality_id') as unknown as BaseCaseQuery,
        input.filter,
      ).clearSelect().select((eb) => eb.fn.countAll<number>().as('n')),
    )?.n ?? 0;
  const rows = all(ctx.db, sortCases(filtered, input.sort).limit(input.pageSize).offset(input.page * input.pageSize));
  return { rows: withStaff(ctx, rows), total, page: input.page, pageSize: input.pageSize };
}

export function getCase(ctx: ServiceContext, input: { id: number }): CaseDetailDto {
  const row = first(ctx.db, baseCaseQuery(ctx).where('c.id', '=', input.id));
  if (!row) throw notFound('Saken finnes ikke');
  return caseDetail(ctx, toCaseDto(row, staffByCase(ctx, [row.id]).get(row.id) ?? []));
}

/** The team corrects a code by hand; the running number follows, the municipality letters and year may not change. */
export function correctCaseCode(ctx: ServiceContext, input: ChannelParsedInput<'cases:correct-code'>): CaseDetailDto {
  requireActor(ctx);
  transaction(ctx.db, () => {
    const existing = first(ctx.db, ctx.db.kysely.selectFrom('cases').selectAll().where('id', '=', input.id));
    if (!existing) throw notFound('Saken finnes ikke');
    const municipality = first(ctx.db, ctx.db.kysely.selectFrom('municipalities').selectAll().where('id', '=', existing.municipality_id))!;
    const code = normaliseCaseCode(input.code);
    const runningNumber = requireCodeFits(code, { id: municipality.id, code: municipality.code ?? '', name: municipality.name }, existing.year);
    if (code === existing.code) return;
    if (codeExists(ctx, code)) throw new ServiceError('conflict', 'Saksnummeret er allerede i bruk', { code: 'Saksnummeret er allerede i bruk' });
    run(
      ctx.db,
      ctx.db.kysely
        .updateTable('cases')
        .set({ code, running_number: runningNumber, updated_at: ctx.clock.now().toISOString() })
        .where('id', '=', input.id),
    );
    recordAudit(ctx, 'update', 'case', input.id, ['code']);
  });
  return getCase(ctx, input);
}

/** The case id for a code typed by the user, or a field error naming `field`. */
export function requireCaseByCode(ctx: ServiceContext, code: string, field: string): { id: number; municipalityId: number } {
  const row = first(
    ctx.db,
    ctx.db.kysely.selectFrom('cases').select(['id', 'municipality_id']).where('code', '=', normaliseCaseCode(code)),
  );
  if (!row) throw invalidField(field, 'Saken finnes ikke');
  return { id: row.id, municipalityId: row.municipality_id };
}
