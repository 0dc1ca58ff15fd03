import { sql } from 'kysely';
import { all, first } from '../../db/exec';
import type { CaseDetailDto, CaseDto } from '@shared/contract';
import type { RatingLevel } from '@shared/domain/caseLife';
import { afterContactNotPossible } from './afterContactMiss';
import { afterContactDue } from './transitions';
import type { ServiceContext } from '../context';

/** Everything the case page shows besides the list row: lifecycle data, timeline, goals, ratings, partners, time. */
export function caseDetail(ctx: ServiceContext, base: CaseDto): CaseDetailDto {
  const id = base.id;
  const row = first(
    ctx.db,
    ctx.db.kysely
      .selectFrom('cases as c')
      .leftJoin('team_members as r', 'r.id', 'c.risk_assessed_by')
      .select([
        'c.rejected_date',
        'c.institution_kind',
        'c.institution_name',
        'c.institution_from',
        'c.expected_discharge_date',
        'c.discharge_date',
        'c.closure_reason',
        'c.takeover_service',
        'c.referral_reason',
        'c.team_assessment',
        'c.after_contact_date',
        'c.risk_assessment_date',
        'c.risk_assessment_done',
        'c.version',
        'r.id as risk_member_id',
        'r.initials as risk_member_initials',
        'r.display_name as risk_member_name',
      ])
      .where('c.id', '=', id),
  )!;
  const minutesByCategory = all(
    ctx.db,
    ctx.db.kysely
      .selectFrom('time_entries as t')
      .innerJoin('categories as k', 'k.id', 't.category_id')
      .select((eb) => ['k.id as categoryId', 'k.name as categoryName', eb.fn.sum<number>('t.minutes').as('minutes'), eb.fn.countAll<number>().as('entries')])
      .where('t.case_id', '=', id)
      .groupBy(['k.id', 'k.name', 'k.number'])
      .orderBy('k.number'),
  );
  const transitions = all(
    ctx.db,
    ctx.db.kysely
      .selectFrom('case_transitions as x')
      .leftJoin('team_members as a', 'a.id', 'x.actor_id')
      .select(['x.id', 'x.from_status', 'x.to_status', 'x.on_date', 'x.reopened', 'x.at', 'a.display_name'])
      .where('x.case_id', '=', id)
      .orderBy('x.id'),
  ).map((t) => ({
    id: t.id,
    fromStatus: t.from_status,
    toStatus: t.to_status,
    onDate: t.on_date,
    reopened: t.reopened === 1,
    at: t.at,
    actorName: t.display_name,
  }));
  const goals = all(ctx.db, ctx.db.kysely.selectFrom('case_goals').select(['id', 'text', 'status', 'version']).where('case_id', '=', id).orderBy('id')).map(
    (g) => ({
      id: g.id,
      text: g.text,
      status: g.status,
      version: g.version,
    }),
  );
  const ratings = all(
    ctx.db,
    ctx.db.kysely
      .selectFrom('case_domain_ratings as r')
      .innerJoin('life_domains as d', 'd.id', 'r.domain_id')
      .select(['r.domain_id', 'd.name', 'r.occasion', 'r.level', 'r.rated_on', 'r.note'])
      .where('r.case_id', '=', id)
      .orderBy(sql`case r.occasion when 'start' then 0 when 'avslutning' then 1 else 2 end`)
      .orderBy('d.sort_order')
      .orderBy('d.id'),
  ).map((r) => ({
    domainId: r.domain_id,
    domainName: r.name,
    occasion: r.occasion,
    level: r.level as RatingLevel,
    ratedOn: r.rated_on,
    note: r.note,
  }));
  const contacts = all(
    ctx.db,
    ctx.db.kysely
      .selectFrom('case_contacts as l')
      .innerJoin('contacts as o', 'o.id', 'l.contact_id')
      .leftJoin('contact_people as p', 'p.id', 'l.person_id')
      .select(['l.id', 'l.contact_id', 'o.name', 'o.kind', 'o.archived_at', 'l.person_id', 'p.name as person_name', 'l.role'])
      .where('l.case_id', '=', id)
      .orderBy('l.role')
      .orderBy(sql`nb_key(o.name)`),
  ).map((c) => ({
    id: c.id,
    contactId: c.contact_id,
    contactName: c.name,
    contactKind: c.kind,
    personId: c.person_id,
    personName: c.person_name,
    role: c.role,
    archived: c.archived_at !== null,
  }));
  return {
    ...base,
    version: row.version,
    minutesByCategory,
    rejectedDate: row.rejected_date,
    institution: row.institution_kind
      ? {
          kind: row.institution_kind,
          name: row.institution_name,
          from: row.institution_from,
          expectedDischargeDate: row.expected_discharge_date,
          dischargeDate: row.discharge_date,
        }
      : null,
    closureReason: row.closure_reason,
    takeoverService: row.takeover_service,
    referralReason: row.referral_reason,
    teamAssessment: row.team_assessment,
    afterContactDate: row.after_contact_date,
    afterContactDue: base.closedDate ? afterContactDue(base.closedDate) : null,
    afterContactNotPossible: afterContactNotPossible(ctx, id),
    risk: {
      date: row.risk_assessment_date,
      done: row.risk_assessment_done === null ? null : row.risk_assessment_done === 1,
      assessedBy: row.risk_member_id ? { id: row.risk_member_id, initials: row.risk_member_initials!, displayName: row.risk_member_name! } : null,
    },
    transitions,
    goals,
    ratings,
    contacts,
  };
}
