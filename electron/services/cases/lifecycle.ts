import type { Updateable } from 'kysely';
import { run, transaction } from '../../db/exec';
import type { CaseRow, CasesTable } from '../../db/schema';
import type { ChannelParsedInput } from '@shared/contract';
import { CASE_STATUS_LABEL, type CaseStatus } from '@shared/domain/caseStatus';
import { isoDateInOslo } from '@shared/dates';
import { formatNorwegianDate } from '@shared/format';
import { recordAudit } from '../audit/recordAudit';
import { recordTransition } from './transitions';
import type { ServiceContext, SignedInContext } from '../context';
import { loadCaseRow } from './caseRow';
import { invalidField, ServiceError } from '../errors/serviceError';

/**
 * The case's lifecycle: henvist → (avvist | institusjonsfase →) oppfølging → avsluttet → etteroppfølging
 * utført, and back to oppfølging when a closed case is reopened. Each step checks the status it starts
 * from and that its dates follow the earlier ones, writes the new status with a timeline row and one
 * audit row, all in one transaction — a refused step writes nothing.
 */
function requireStatus(row: CaseRow, allowed: readonly CaseStatus[], message: string): CaseStatus {
  const status = row.status;
  if (!allowed.includes(status)) {
    throw new ServiceError('conflict', `${message} Saken har status «${CASE_STATUS_LABEL[status]}».`, { status: message });
  }
  return status;
}

function requireNotFuture(ctx: ServiceContext, field: string, date: string): void {
  if (date > isoDateInOslo(ctx.clock.now())) throw invalidField(field, 'Datoen kan ikke være fram i tid');
}

/** `date` must not lie before `earlier` (when that is known); the message names both dates' meaning. */
function requireOnOrAfter(field: string, date: string, earlier: string | null, what: string): void {
  if (earlier && date < earlier) throw invalidField(field, `Datoen kan ikke være før ${what} (${formatNorwegianDate(earlier)})`);
}

const emptyToNull = (value: string | null | undefined) => (value && value.trim() !== '' ? value.trim() : null);

function transition(
  ctx: SignedInContext,
  id: number,
  work: (row: CaseRow) => { to: CaseStatus; onDate: string; set: Updateable<CasesTable>; fields: string[]; reopened?: boolean },
): number {
  transaction(ctx.db, () => {
    const row = loadCaseRow(ctx, id);
    const step = work(row);
    run(
      ctx.db,
      ctx.db.kysely
        .updateTable('cases')
        .set({ ...step.set, status: step.to, updated_at: ctx.clock.now().toISOString() })
        .where('id', '=', id),
    );
    recordTransition(ctx, id, row.status, step.to, step.onDate, step.reopened);
    recordAudit(ctx, step.reopened ? 'reopen' : 'transition', 'case', id, ['status', ...step.fields]);
  });
  return id;
}

export function rejectCase(ctx: SignedInContext, input: ChannelParsedInput<'cases:reject'>): number {
  return transition(ctx, input.id, (row) => {
    requireStatus(row, ['henvist'], 'Bare en henvisning som venter kan avvises.');
    requireNotFuture(ctx, 'date', input.date);
    requireOnOrAfter('date', input.date, row.referral_date, 'henvisningsdatoen');
    return { to: 'avvist', onDate: input.date, set: { rejected_date: input.date }, fields: ['rejectedDate'] };
  });
}

export function enterInstitution(ctx: SignedInContext, input: ChannelParsedInput<'cases:enter-institution'>): number {
  return transition(ctx, input.id, (row) => {
    requireStatus(row, ['henvist'], 'Institusjonsfasen kan bare starte fra en henvisning.');
    requireNotFuture(ctx, 'date', input.date);
    requireOnOrAfter('date', input.date, row.referral_date, 'henvisningsdatoen');
    if (input.expectedDischargeDate) requireOnOrAfter('expectedDischargeDate', input.expectedDischargeDate, row.referral_date, 'henvisningsdatoen');
    return {
      to: 'institusjonsfase',
      onDate: input.date,
      set: {
        institution_kind: input.institutionKind,
        institution_name: emptyToNull(input.institutionName),
        institution_from: input.date,
        expected_discharge_date: input.expectedDischargeDate ?? null,
      },
      fields: ['institutionKind', 'institutionName', 'institutionFrom', 'expectedDischargeDate'],
    };
  });
}

/** Not a status change: the institution's details and the discharge dates, corrected as they become known. */
export function updateInstitution(ctx: SignedInContext, input: ChannelParsedInput<'cases:update-institution'>): number {
  transaction(ctx.db, () => {
    const row = loadCaseRow(ctx, input.id);
    requireStatus(row, ['institusjonsfase', 'oppfolging', 'avsluttet', 'etteroppfolging_utfort'], 'Saken har ingen institusjonsfase.');
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
    recordAudit(ctx, 'update', 'case', input.id, ['dischargeDate', 'expectedDischargeDate', 'institutionKind', 'institutionName']);
  });
  return input.id;
}

export function startFollowUp(ctx: SignedInContext, input: ChannelParsedInput<'cases:start-follow-up'>): number {
  return transition(ctx, input.id, (row) => {
    requireStatus(row, ['henvist', 'institusjonsfase'], 'Oppfølgingen kan bare starte fra en henvisning eller institusjonsfasen.');
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
      to: 'oppfolging',
      onDate: input.startDate,
      set: { start_date: input.startDate, discharge_date: dischargeDate ?? null },
      fields: ['startDate', ...(input.dischargeDate ? ['dischargeDate'] : [])],
    };
  });
}

export function closeCase(ctx: SignedInContext, input: ChannelParsedInput<'cases:close'>): number {
  return transition(ctx, input.id, (row) => {
    requireStatus(row, ['oppfolging', 'importert'], 'Bare en sak i oppfølging kan avsluttes.');
    requireNotFuture(ctx, 'closedDate', input.closedDate);
    requireOnOrAfter('closedDate', input.closedDate, row.start_date, 'oppfølgingen startet');
    requireOnOrAfter('closedDate', input.closedDate, row.referral_date, 'henvisningsdatoen');
    requireOnOrAfter('closedDate', input.closedDate, row.discharge_date, 'utskriving/løslatelse');
    return {
      to: 'avsluttet',
      onDate: input.closedDate,
      set: { closed_date: input.closedDate, closure_reason: input.closureReason, takeover_service: emptyToNull(input.takeoverService) },
      fields: ['closedDate', 'closureReason', 'takeoverService'],
    };
  });
}

export function recordAfterContact(ctx: SignedInContext, input: ChannelParsedInput<'cases:record-after-contact'>): number {
  return transition(ctx, input.id, (row) => {
    requireStatus(row, ['avsluttet'], 'Etteroppfølgingen registreres på en avsluttet sak.');
    requireNotFuture(ctx, 'contactDate', input.contactDate);
    requireOnOrAfter('contactDate', input.contactDate, row.closed_date, 'avslutningen');
    return { to: 'etteroppfolging_utfort', onDate: input.contactDate, set: { after_contact_date: input.contactDate }, fields: ['afterContactDate'] };
  });
}

/** A closed case taken up again: back in follow-up; the closure is kept in the timeline, not on the case. */
export function reopenCase(ctx: SignedInContext, input: ChannelParsedInput<'cases:reopen'>): number {
  return transition(ctx, input.id, (row) => {
    requireStatus(row, ['avsluttet', 'etteroppfolging_utfort'], 'Bare en avsluttet sak kan gjenåpnes.');
    requireNotFuture(ctx, 'date', input.date);
    requireOnOrAfter('date', input.date, row.closed_date, 'avslutningen');
    return {
      to: 'oppfolging',
      onDate: input.date,
      reopened: true,
      set: { closed_date: null, closure_reason: null, takeover_service: null, after_contact_date: null, start_date: row.start_date ?? input.date },
      fields: ['closedDate', 'closureReason', 'takeoverService', 'afterContactDate'],
    };
  });
}
