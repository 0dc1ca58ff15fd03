import { sql } from 'kysely';
import { all, run, transaction } from '../../db/exec';
import type { CaseloadDto, ChannelParsedInput } from '@shared/contract';
import { ACTIVE_CASE_STATUSES } from '@shared/domain/caseLife';
import { isoDateInOslo } from '@shared/dates';
import { FUTURE_DATE_MESSAGE } from '@shared/validation/notInFuture';
import { auditedFields, recordAuditSync } from '../audit/recordAudit';
import { claimCaseRow } from './caseRow';
import type { ServiceContext, SignedInContext } from '../context';
import { invalidField, ServiceError } from '../errors/serviceError';
import { requireActiveMembersSync } from '../team/teamMembers';

/** The risk assessment done before the first meeting: when, by whom, and whether it was carried out. */
export function recordRiskAssessment(ctx: SignedInContext, input: ChannelParsedInput<'cases:record-risk-assessment'>): number {
  transaction(ctx.db, () => {
    const row = claimCaseRow(ctx, input.id, input.version);
    if (row.status === 'avvist') {
      throw new ServiceError('conflict', 'En avvist henvisning får ingen farlighetsvurdering', { status: 'Saken er avvist' });
    }
    if (input.date > isoDateInOslo(ctx.clock.now())) throw invalidField('date', FUTURE_DATE_MESSAGE);
    if (row.referral_date && input.date < row.referral_date) throw invalidField('date', 'Vurderingen kan ikke være gjort før henvisningen');
    if (row.start_date && input.date > row.start_date && row.status !== 'importert') {
      throw invalidField('date', 'Vurderingen må være gjort før oppfølgingen startet');
    }
    if (row.status === 'oppfolging' && !input.done) {
      throw invalidField('done', 'En sak i oppfølging må ha en gjennomført farlighetsvurdering');
    }
    if (input.done && input.assessedById === null) throw invalidField('assessedById', 'Velg hvem som vurderte risikoen');
    if (input.assessedById !== null) requireActiveMembersSync(ctx, [input.assessedById], 'assessedById');
    run(
      ctx.db,
      ctx.db.kysely
        .updateTable('cases')
        .set({
          risk_assessment_date: input.date,
          risk_assessed_by: input.assessedById,
          risk_assessment_done: input.done ? 1 : 0,
          updated_at: ctx.clock.now().toISOString(),
        })
        .where('id', '=', input.id),
    );
    recordAuditSync(
      ctx,
      'update',
      'case',
      input.id,
      auditedFields('cases:record-risk-assessment', ['riskAssessmentDate', 'riskAssessedBy', 'riskAssessmentDone']),
    );
  });
  return input.id;
}

/** Replaces the case's staff. Fewer than two is allowed (a colleague may be away) but warned about in the UI. */
export function setCaseStaff(ctx: SignedInContext, input: ChannelParsedInput<'cases:set-staff'>): number {
  transaction(ctx.db, () => {
    claimCaseRow(ctx, input.id, input.version);
    const staff = requireActiveMembersSync(ctx, input.staffIds, 'staffIds');
    run(ctx.db, ctx.db.kysely.deleteFrom('case_staff').where('case_id', '=', input.id));
    for (const member of staff) run(ctx.db, ctx.db.kysely.insertInto('case_staff').values({ case_id: input.id, team_member_id: member.id }));
    run(ctx.db, ctx.db.kysely.updateTable('cases').set({ updated_at: ctx.clock.now().toISOString() }).where('id', '=', input.id));
    recordAuditSync(ctx, 'update', 'case', input.id, auditedFields('cases:set-staff', ['staffIds']));
  });
  return input.id;
}

/** Active members with the number of cases they follow that are not yet closed. */
export function caseload(ctx: ServiceContext): CaseloadDto[] {
  return all(
    ctx.db,
    ctx.db.kysely
      .selectFrom('team_members as t')
      .select([
        't.id',
        't.display_name',
        't.initials',
        sql<number>`(select count(*) from case_staff s join cases c on c.id = s.case_id
          where s.team_member_id = t.id and c.status in (${sql.join(ACTIVE_CASE_STATUSES.map((s) => sql.lit(s)))}))`.as('active'),
      ])
      .where('t.active', '=', 1)
      .orderBy(sql`nb_key(t.display_name)`),
  ).map((r) => ({ memberId: r.id, displayName: r.display_name, initials: r.initials, activeCases: r.active }));
}
