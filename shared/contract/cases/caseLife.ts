import { z } from '../../validation/zodNorwegian';
import { idSchema, isoDateSchema, versionField, versionedIdInput } from '../common';
import { pastDateSchema } from '../../validation/notInFuture';
import { mutationChannel, queryChannel } from '../channel';
import type { CaseDetailDto, CaseGoalDto } from './cases';
import { CASE_CONTACT_ROLES, CLOSURE_REASONS, FREE_TEXT_MAX, GOAL_STATUSES, INSTITUTION_KINDS, RATING_OCCASIONS } from '../../domain/caseLife';
import { AFTER_CONTACT_MISS_NOTE_MAX, AFTER_CONTACT_MISS_REASONS } from '../../domain/afterContact';

/** Short free text; empty means «nothing written». Length-limited because it may be read as health data. */
export const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

const goalText = z.string().trim().min(1).max(FREE_TEXT_MAX);

export interface CaseloadDto {
  memberId: number;
  displayName: string;
  initials: string;
  activeCases: number;
}

/** Reopening sets the status back to follow-up and clears the closure. */
type ReopenClears = 'status' | 'closedDate' | 'closureReason' | 'takeoverService' | 'afterContactDate';

/** A lifecycle step: the case's status and dates, and a row in its timeline. */
const changesStatus = ['cases', 'case_transitions', 'audit_log'] as const;
/**
 * Recording the three-month contact, or reopening, also removes a «not possible» the contact may have
 * had: a contact held after all, or a new closure to come, makes it out of date.
 */
const changesAfterContact = [...changesStatus, 'after_contact_not_possible'] as const;
/** Details of the case row that leave the status as it is. */
const changesCase = ['cases', 'audit_log'] as const;

export const caseLifeChannels = {
  'cases:reject': mutationChannel<CaseDetailDto, 'status' | 'rejectedDate'>()(
    z.strictObject({ id: idSchema, ...versionField, date: pastDateSchema() }),
    'Avvis en henvisning',
    changesStatus,
  ),
  'cases:enter-institution': mutationChannel<CaseDetailDto, 'status' | 'institutionFrom'>()(
    z.strictObject({
      id: idSchema,
      ...versionField,
      date: pastDateSchema(),
      institutionKind: z.enum(INSTITUTION_KINDS),
      institutionName: optionalText(120),
      expectedDischargeDate: isoDateSchema.nullable().optional(),
    }),
    'Start institusjonsfasen (brukeren er i institusjon eller fengsel)',
    changesStatus,
  ),
  'cases:update-institution': mutationChannel<CaseDetailDto>()(
    z.strictObject({
      id: idSchema,
      ...versionField,
      institutionKind: z.enum(INSTITUTION_KINDS),
      institutionName: optionalText(120),
      expectedDischargeDate: isoDateSchema.nullable().optional(),
      dischargeDate: pastDateSchema().nullable().optional(),
    }),
    'Endre institusjon og datoer for utskriving/løslatelse',
    changesCase,
  ),
  'cases:start-follow-up': mutationChannel<CaseDetailDto, 'status'>()(
    z.strictObject({ id: idSchema, ...versionField, startDate: pastDateSchema(), dischargeDate: pastDateSchema().nullable().optional() }),
    'Start oppfølgingen (krever farlighetsvurdering)',
    changesStatus,
  ),
  'cases:close': mutationChannel<CaseDetailDto, 'status'>()(
    z.strictObject({
      id: idSchema,
      ...versionField,
      closedDate: pastDateSchema(),
      closureReason: z.enum(CLOSURE_REASONS),
      takeoverService: optionalText(120),
    }),
    'Avslutt saken',
    changesStatus,
  ),
  'cases:record-after-contact': mutationChannel<CaseDetailDto, 'status' | 'afterContactDate'>()(
    z.strictObject({ id: idSchema, ...versionField, contactDate: pastDateSchema() }),
    'Registrer at etteroppfølgingen (tre måneder etter avslutning) er utført',
    changesAfterContact,
  ),
  /** The case keeps its status: it is closed, and its three-month contact is answered with a reason. */
  'cases:record-after-contact-not-possible': mutationChannel<CaseDetailDto>()(
    z.strictObject({
      id: idSchema,
      ...versionField,
      date: isoDateSchema,
      notPossibleReason: z.enum(AFTER_CONTACT_MISS_REASONS),
      note: optionalText(AFTER_CONTACT_MISS_NOTE_MAX),
    }),
    'Registrer at etteroppfølgingen ikke var mulig, og hvorfor',
    ['cases', 'after_contact_not_possible', 'audit_log'],
  ),
  'cases:reopen': mutationChannel<CaseDetailDto, ReopenClears>()(
    z.strictObject({ id: idSchema, ...versionField, date: pastDateSchema() }),
    'Gjenåpne en avsluttet sak',
    changesAfterContact,
  ),
  'cases:record-risk-assessment': mutationChannel<CaseDetailDto, 'riskAssessmentDate' | 'riskAssessedBy' | 'riskAssessmentDone'>()(
    // Who assessed is asked only for an assessment carried out: a planned one may not have an assessor yet.
    z
      .strictObject({ id: idSchema, ...versionField, date: pastDateSchema(), assessedById: idSchema.nullable(), done: z.boolean() })
      .refine((input) => !input.done || input.assessedById !== null, { message: 'Velg hvem som vurderte risikoen', path: ['assessedById'] }),
    'Registrer farlighetsvurderingen',
    changesCase,
  ),
  'cases:set-staff': mutationChannel<CaseDetailDto>()(
    z.strictObject({ id: idSchema, ...versionField, staffIds: z.array(idSchema).max(6) }),
    'Velg hvem i teamet som følger saken',
    ['cases', 'case_staff', 'audit_log'],
  ),
  'cases:caseload': queryChannel<CaseloadDto[]>()(z.strictObject({}), 'Aktive saker per teammedlem', ['cases', 'case_staff', 'team_members']),
  'cases:rate-domains': mutationChannel<CaseDetailDto, 'domainRatings'>()(
    z.strictObject({
      caseId: idSchema,
      /** The case's version: ratings are edited on the case page, as part of the case. */
      ...versionField,
      occasion: z.enum(RATING_OCCASIONS),
      ratedOn: pastDateSchema(),
      ratings: z
        .array(z.strictObject({ domainId: idSchema, level: z.number().int().min(1).max(3), note: optionalText(FREE_TEXT_MAX) }))
        .min(1)
        .max(30),
    }),
    'Vurder livsområdene ved start, avslutning eller etter tre måneder',
    // The case's version goes up too: ratings are edited as part of the case.
    ['case_domain_ratings', 'cases', 'audit_log'],
  ),
  'cases:add-goal': mutationChannel<CaseGoalDto>()(
    z.strictObject({ caseId: idSchema, text: goalText, status: z.enum(GOAL_STATUSES).default('ikke_startet') }),
    'Legg til et mål fra startsamtalen',
    ['case_goals', 'audit_log'],
  ),
  'cases:update-goal': mutationChannel<CaseGoalDto>()(
    z.strictObject({ id: idSchema, ...versionField, text: goalText.optional(), status: z.enum(GOAL_STATUSES).optional() }),
    'Endre et mål eller statusen på det',
    ['case_goals', 'audit_log'],
  ),
  'cases:delete-goal': mutationChannel<{ id: number }>()(versionedIdInput, 'Slett et mål', ['case_goals', 'audit_log']),
  'cases:link-contact': mutationChannel<CaseDetailDto>()(
    z.strictObject({ caseId: idSchema, contactId: idSchema, personId: idSchema.nullable().optional(), role: z.enum(CASE_CONTACT_ROLES) }),
    'Knytt en samarbeidspartner til saken',
    ['case_contacts', 'audit_log'],
  ),
  'cases:unlink-contact': mutationChannel<{ id: number }>()(z.strictObject({ id: idSchema }), 'Fjern en samarbeidspartner fra saken', [
    'case_contacts',
    'audit_log',
  ]),
} as const;
