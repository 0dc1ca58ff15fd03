import { first, run, transaction } from '../../db/exec';
import type { AfterContactNotPossibleDto, ChannelParsedInput } from '@shared/contract';
import { isoDateInOslo } from '@shared/dates';
import { formatNorwegianDate } from '@shared/format';
import { auditedFields, recordAuditSync } from '../audit/recordAudit';
import type { ServiceContext, SignedInContext } from '../context';
import { invalidField, ServiceError } from '../errors/serviceError';
import { claimCaseRow } from './caseRow';

/**
 * A three-month contact that could not be held (migration 0015). The case stays «Avsluttet» — nothing
 * in its life changed — but Oversikt stops warning about it, and the case figures count it apart from
 * the contacts that were held, so «ikke mulig» never passes for a held contact.
 */

function conflict(message: string): ServiceError {
  return new ServiceError('conflict', message, { status: message });
}

/** Records, or corrects, why the case's three-month contact was not possible. */
export function recordAfterContactNotPossible(ctx: SignedInContext, input: ChannelParsedInput<'cases:record-after-contact-not-possible'>): number {
  const note = input.note && input.note !== '' ? input.note : null;
  transaction(ctx.db, () => {
    const row = claimCaseRow(ctx, input.id, input.version);
    if (row.status === 'etteroppfolging_utfort') throw conflict('Etteroppfølgingen er allerede registrert som utført.');
    if (row.status !== 'avsluttet' || !row.closed_date) throw conflict('Etteroppfølgingen registreres på en avsluttet sak.');
    if (input.date > isoDateInOslo(ctx.clock.now())) throw invalidField('date', 'Datoen kan ikke være fram i tid');
    if (input.date < row.closed_date) {
      throw invalidField('date', `Datoen kan ikke være før avslutningen (${formatNorwegianDate(row.closed_date)})`);
    }
    // Retention has emptied this case's free text; a new note would bring text back.
    if (note !== null && row.reduced_at !== null) throw invalidField('note', 'Saken er redusert til statistikk og kan ikke få ny merknad');
    const now = ctx.clock.now().toISOString();
    const values = { decided_on: input.date, reason: input.notPossibleReason, note, updated_at: now, updated_by: ctx.actor.id };
    const existing = first(ctx.db, ctx.db.kysely.selectFrom('after_contact_not_possible').select('version').where('case_id', '=', row.id));
    if (existing) {
      run(
        ctx.db,
        ctx.db.kysely
          .updateTable('after_contact_not_possible')
          .set({ ...values, version: existing.version + 1 })
          .where('case_id', '=', row.id),
      );
    } else {
      run(ctx.db, ctx.db.kysely.insertInto('after_contact_not_possible').values({ case_id: row.id, ...values, created_at: now, created_by: ctx.actor.id }));
    }
    const fields = auditedFields('cases:record-after-contact-not-possible', ['date', 'notPossibleReason', ...(note === null ? [] : (['note'] as const))]);
    // An update of the case, as the audit log reads it: «Endret Sak», never «Opprettet».
    recordAuditSync(ctx, 'update', 'case', row.id, fields);
  });
  return input.id;
}

/**
 * Removes the case's «not possible», inside the transaction of the step that makes it out of date: the
 * contact was held after all, or the case is reopened and a new closure will need a new contact.
 */
export function clearAfterContactNotPossible(ctx: ServiceContext, caseId: number): void {
  run(ctx.db, ctx.db.kysely.deleteFrom('after_contact_not_possible').where('case_id', '=', caseId));
}

/** The case page's view of it, or null. */
export function afterContactNotPossible(ctx: ServiceContext, caseId: number): AfterContactNotPossibleDto | null {
  const row = first(ctx.db, ctx.db.kysely.selectFrom('after_contact_not_possible').select(['decided_on', 'reason', 'note']).where('case_id', '=', caseId));
  return row ? { date: row.decided_on, reason: row.reason, note: row.note } : null;
}
