import { all, first, run, transaction } from '../../db/exec';
import type { CaseDetailDto, CaseDto, ChannelParsedInput } from '@shared/contract';
import { claimCaseRow } from './caseRow';
import { caseDetail } from './detail';
import { baseCaseQuery, caseSummary, staffByCase, toCaseDto } from './list';
import { recordTransition } from './transitions';
import { formatCaseCode, normaliseCaseCode, parseCaseCode } from '@shared/caseCode';
import { isoDateInOslo } from '@shared/dates';
import { auditedFields, recordAuditSync } from '../audit/recordAudit';
import type { AuditedField } from '@shared/contract/auditedFields';
import type { ServiceContext, SignedInContext } from '../context';
import { invalidField, notFound, ServiceError } from '../errors/serviceError';
import { requireActiveMembersSync } from '../team/teamMembers';

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
    throw invalidField('code', `Sakskoden må slutte på -${municipality.code} for ${municipality.name}`);
  }
  if (parts.year % 100 !== year % 100) {
    throw invalidField('code', 'Årstallet i sakskoden må være året i henvisningsdatoen');
  }
  return parts.runningNumber;
}

export function nextCaseCode(ctx: ServiceContext, input: ChannelParsedInput<'cases:next-code'>): { code: string } {
  const municipality = requireCaseMunicipality(ctx, input.municipalityId, input.referralDate);
  return { code: generateCode(ctx, municipality, Number(input.referralDate.slice(0, 4))).code };
}

export function createCase(ctx: SignedInContext, input: ChannelParsedInput<'cases:create'>): CaseDto {
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
        throw new ServiceError('conflict', 'Sakskoden er allerede i bruk', { code: 'Sakskoden er allerede i bruk' });
      }
    } else {
      ({ code, runningNumber } = generateCode(ctx, municipality, year));
    }
    const staff = requireActiveMembersSync(ctx, input.staffIds ?? [], 'staffIds');
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
    const fields: AuditedField<'cases:create'>[] = ['code', 'municipalityId', 'referralDate', 'status', ...(staff.length ? (['staffIds'] as const) : [])];
    recordAuditSync(ctx, 'create', 'case', inserted.id, auditedFields('cases:create', fields));
    return inserted.id;
  });
  return caseSummary(ctx, id);
}

export function getCase(ctx: ServiceContext, input: { id: number }): CaseDetailDto {
  const row = first(ctx.db, baseCaseQuery(ctx).where('c.id', '=', input.id));
  if (!row) throw notFound('Saken finnes ikke');
  return caseDetail(ctx, toCaseDto(row, staffByCase(ctx, [row.id]).get(row.id) ?? []));
}

/** The team corrects a code by hand; the running number follows, the municipality letters and year may not change. */
export function correctCaseCode(ctx: SignedInContext, input: ChannelParsedInput<'cases:correct-code'>): number {
  transaction(ctx.db, () => {
    const existing = claimCaseRow(ctx, input.id, input.version);
    const municipality = first(ctx.db, ctx.db.kysely.selectFrom('municipalities').selectAll().where('id', '=', existing.municipality_id))!;
    const code = normaliseCaseCode(input.code);
    const runningNumber = requireCodeFits(code, { id: municipality.id, code: municipality.code ?? '', name: municipality.name }, existing.year);
    if (code === existing.code) return;
    if (codeExists(ctx, code)) throw new ServiceError('conflict', 'Sakskoden er allerede i bruk', { code: 'Sakskoden er allerede i bruk' });
    run(
      ctx.db,
      ctx.db.kysely.updateTable('cases').set({ code, running_number: runningNumber, updated_at: ctx.clock.now().toISOString() }).where('id', '=', input.id),
    );
    recordAuditSync(ctx, 'update', 'case', input.id, auditedFields('cases:correct-code', ['code']));
  });
  return input.id;
}

/** The case id for a code typed by the user, or a field error naming `field`. */
export function requireCaseByCode(ctx: ServiceContext, code: string, field: string): { id: number; municipalityId: number } {
  const row = first(ctx.db, ctx.db.kysely.selectFrom('cases').select(['id', 'municipality_id']).where('code', '=', normaliseCaseCode(code)));
  if (!row) throw invalidField(field, 'Saken finnes ikke');
  return { id: row.id, municipalityId: row.municipality_id };
}

export { listCases, pageCases } from './list';
