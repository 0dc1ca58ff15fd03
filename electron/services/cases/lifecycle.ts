import type { Updateable } from 'kysely';
import { run, transaction } from '../../db/exec';
import type { CaseRow, CasesTable } from '../../db/schema';
import type { ChannelParsedInput } from '@shared/contract';
import { CASE_STATUS_LABEL, type CaseStatus } from '@shared/domain/caseStatus';
import { statusAfter, STEP_REFUSAL, type LifecycleStep } from '@shared/domain/caseTransitions';
import { addDays, isoDateInOslo } from '@shared/dates';
import { FUTURE_DATE_MESSAGE } from '@shared/validation/notInFuture';
import { formatNorwegianDate } from '@shared/format';
import { auditedFields, recordAuditSync, type AuditedFields } from '../audit/recordAudit';
import { clearAfterContactNotPossible } from './afterContactMiss';
import { recordTransition } from './transitions';
import type { ServiceContext, SignedInContext } from '../context';
import { claimCaseRow } from './caseRow';
import { invalidField, ServiceError } from '../errors/serviceError';

/**
 * The case's lifecycle, as the transition table in shared/domain/caseTransitions.ts draws it. Each step
 * checks the status it starts from (here: the status it leads to, or a refusal) and that its dates
 * follow the earlier ones, writes the new status with a timeline row and one audit row, all in one
 * transaction — a refused step writes nothing.
 */
function requireStep(row: CaseRow, step: LifecycleStep): CaseStatus {
  const status = row.status;
  const next = statusAfter(status, step);
  if (!next) {
    const message = STEP_REFUSAL[step];
    throw new ServiceError('conflict', `${message} Saken har status «${CASE_STATUS_LABEL[status]}».`, { status: message });
  }
  return next;
}

function requireNotFuture(ctx: ServiceContext, field: string, date: string): void {
  if (date > isoDateInOslo(ctx.clock.now())) throw invalidField(field, FUTURE_DATE_MESSAGE);
}

/** `date` must not lie before `earlier` (when that is known); the message names both dates' meaning. */
function requireOnOrAfter(field: string, date: string, earlier: string | null, what: string): void {
  if (earlier && date < earlier) throw invalidField(field, `Datoen kan ikke være før ${what} (${formatNorwegianDate(earlier)})`);
}

/**
 * The three-month contact asks whether the change lasted; a call a few days after closure cannot say
 * that. Eight weeks is the earliest the team counts as «about three months».
 */
const AFTER_CONTACT_MIN_DAYS = 8 * 7;

function requireAfterContactGap(contactDate: string, closedDate: string | null): void {
  if (!closedDate) return;
  const earliest = addDays(closedDate, AFTER_CONTACT_MIN_DAYS);
  if (contactDate < earliest) {
    throw invalidField(
      'contactDate',
      `Tremånederskontakten kan tidligst registreres 8 uker etter avslutningen (${formatNorwegianDate(closedDate)}), altså fra ${formatNorwegianDate(earliest)}`,
    );
  }
}

const emptyToNull = (value: string | null | undefined) => (value && value.trim() !== '' ? value.trim() : null);

function transition(
  ctx: SignedInContext,
  { id, version }: { id: number; version: number },
  work: (row: CaseRow) => { to: CaseStatus; onDate: string; set: Updateable<CasesTable>; fields: AuditedFields; reopened?: boolean },
): number {
  transaction(ctx.db, () => {
    const row = claimCaseRow(ctx, id, version);
    const step = work(row);
    run(
      ctx.db,
      ctx.db.kysely
        .updateTable('cases')
        .set({ ...step.set, status: step.to, updated_at: ctx.clock.now().toISOString() })
        .where('id', '=', id),
    );
    recordTransition(ctx, id, row.status, step.to, step.onDate, step.reopened);
    recordAuditSync(ctx, step.reopened ? 'reopen' : 'transition', 'case', id, step.fields);
  });
  return id;
}

export function rejectCase(ctx: SignedInContext, input: ChannelParsedInput<'cases:reject'>): number {
  return transition(ctx, input, (row) => {
    const to = requireStep(row, 'reject');
    requireNotFuture(ctx, 'date', input.date);
    requireOnOrAfter('date', input.date, row.referral_date, 'henvisningsdatoen');
    return { to, onDate: input.date, set: { rejected_date: input.date }, fields: auditedFields('cases:reject', ['status', 'rejectedDate']) };
  });
}

export function enterInstitution(ctx: SignedInContext, input: ChannelParsedInput<'cases:enter-institution'>): number {
  return transition(ctx, input, (row) => {
    const to = requireStep(row, 'enter-institution');
    requireNotFuture(ctx, 'date', input.date);
    requireOnOrAfter('date', input.date, row.referral_date, 'henvisningsdatoen');
    if (input.expectedDischargeDate) requireOnOrAfter('expectedDischargeDate', input.expectedDischargeDate, row.referral_date, 'henvisningsdatoen');
    return {
      to,
      onDate: input.date,
      set: {
        institution_kind: input.institutionKind,
        institution_name: emptyToNull(input.institutionName),
        institution_from: input.date,
        expected_discharge_date: input.expectedDischargeDate ?? null,
      },
      fields: auditedFields('cases:enter-institution', ['status', 'institutionKind', 'institutionName', 'institutionFrom', 'expectedDischargeDate']),
    };
  });
}

/** Not a status change: the institution's details and the discharge dates, corrected as they become known. */
export function updateInstitution(ctx: SignedInContext, input: ChannelParsedInput<'cases:update-institution'>): number {
  transaction(ctx.db, () => {
    const row = claimCaseRow(ctx, input.id, input.version);
    requireStep(row, 'update-institution');
    if (!row.institution_kind) throw new ServiceError('conflict', 'Saken har ingen institusjonsfase.', { status: 'Saken har ingen institusjonsfase.' });
    if (input.expectedDischargeDate) requireOnOrAfter('expectedDischargeDate', input.expectedDischargeDate, row.referral_date, 'henvisningsdatoen');
    if (input.dischargeDate) {
      requireNotFuture(ctx, 'dischargeDate', input.dischargeDate);
      requireOnOrAfter('dischargeDate', input.dischargeDate, row.referral_date, 'henvisningsdatoen');
    }
    run(
      ctx.db,
      ctx.db.kysely
        .updateTable('cases')
        .set({
          institution_kind: input.institutionKind,
          institution_name: emptyToNull(input.institutionName),
          expected_discharge_date: input.expectedDischargeDate ?? null,
          discharge_date: input.dischargeDate ?? null,
          updated_at: ctx.clock.now().toISOString(),
        })
        .where('id', '=', input.id),
    );
    recordAuditSync(
      ctx,
      'update',
      'case',
      input.id,
      auditedFields('cases:update-institution', ['dischargeDate', 'expectedDischargeDate', 'institutionKind', 'institutionName']),
    );
  });
  return input.id;
}

export function startFollowUp(ctx: SignedInContext, input: ChannelParsedInput<'cases:start-follow-up'>): number {
  return transition(ctx, input, (row) => {
    const to = requireStep(row, 'start-follow-up');
    if (row.risk_assessment_done !== 1) {
      const message = 'Farlighetsvurderingen må være gjennomført og registrert før oppfølgingen starter';
      throw new ServiceError('conflict', message, { risk: message });
    }
    requireNotFuture(ctx, 'startDate', input.startDate);
    requireOnOrAfter('startDate', input.startDate, row.referral_date, 'henvisningsdatoen');
    const dischargeDate = input.dischargeDate ?? row.discharge_date;
    if (dischargeDate) {
      requireNotFuture(ctx, 'dischargeDate', dischargeDate);
      requireOnOrAfter('dischargeDate', dischargeDate, row.referral_date, 'henvisningsdatoen');
      requireOnOrAfter('dischargeDate', dischargeDate, row.institution_from, 'institusjonsfasen startet');
    }
    return {
      to,
      onDate: input.startDate,
      set: { start_date: input.startDate, discharge_date: dischargeDate ?? null },
      fields: auditedFields('cases:start-follow-up', ['status', 'startDate', ...(input.dischargeDate ? (['dischargeDate'] as const) : [])]),
    };
  });
}

export function closeCase(ctx: SignedInContext, input: ChannelParsedInput<'cases:close'>): number {
  return transition(ctx, input, (row) => {
    const to = requireStep(row, 'close');
    requireNotFuture(ctx, 'closedDate', input.closedDate);
    requireOnOrAfter('closedDate', input.closedDate, row.start_date, 'oppfølgingen startet');
    requireOnOrAfter('closedDate', input.closedDate, row.referral_date, 'henvisningsdatoen');
    requireOnOrAfter('closedDate', input.closedDate, row.discharge_date, 'utskriving/løslatelse');
    return {
      to,
      onDate: input.closedDate,
      set: { closed_date: input.closedDate, closure_reason: input.closureReason, takeover_service: emptyToNull(input.takeoverService) },
      fields: auditedFields('cases:close', ['status', 'closedDate', 'closureReason', 'takeoverService']),
    };
  });
}

/** A contact held after all replaces a «not possible» recorded earlier. */
export function recordAfterContact(ctx: SignedInContext, input: ChannelParsedInput<'cases:record-after-contact'>): number {
  return transition(ctx, input, (row) => {
    const to = requireStep(row, 'record-after-contact');
    requireNotFuture(ctx, 'contactDate', input.contactDate);
    requireOnOrAfter('contactDate', input.contactDate, row.closed_date, 'avslutningen');
    requireAfterContactGap(input.contactDate, row.closed_date);
    clearAfterContactNotPossible(ctx, row.id);
    return {
      to,
      onDate: input.contactDate,
      set: { after_contact_date: input.contactDate },
      fields: auditedFields('cases:record-after-contact', ['status', 'afterContactDate']),
    };
  });
}

/** A closed case taken up again: back in follow-up; the closure is kept in the timeline, not on the case. */
export function reopenCase(ctx: SignedInContext, input: ChannelParsedInput<'cases:reopen'>): number {
  return transition(ctx, input, (row) => {
    const to = requireStep(row, 'reopen');
    requireNotFuture(ctx, 'date', input.date);
    requireOnOrAfter('date', input.date, row.closed_date, 'avslutningen');
    clearAfterContactNotPossible(ctx, row.id);
    return {
      to,
      onDate: input.date,
      reopened: true,
      set: { closed_date: null, closure_reason: null, takeover_service: null, after_contact_date: null, start_date: row.start_date ?? input.date },
      fields: auditedFields('cases:reopen', ['status', 'closedDate', 'closureReason', 'takeoverService', 'afterContactDate']),
    };
  });
}
