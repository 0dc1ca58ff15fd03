import { first, run, transaction } from '../../db/exec';
import type { ChannelParsedInput } from '@shared/contract';
import { auditedFields, recordAuditSync } from '../audit/recordAudit';
import { loadCaseRow } from './caseRow';
import type { SignedInContext } from '../context';
import { invalidField, notFound, ServiceError } from '../errors/serviceError';

/** Links a partner to a case in a role (oppdragsgiver, henviser, samarbeidspartner, overtar oppfølging). */
export function linkCaseContact(ctx: SignedInContext, input: ChannelParsedInput<'cases:link-contact'>): number {
  transaction(ctx.db, () => {
    loadCaseRow(ctx, input.caseId);
    const contact = first(ctx.db, ctx.db.kysely.selectFrom('contacts').select(['id', 'archived_at']).where('id', '=', input.contactId));
    if (!contact) throw invalidField('contactId', 'Ukjent samarbeidspartner');
    if (contact.archived_at) throw invalidField('contactId', 'Samarbeidspartneren er arkivert');
    if (input.personId) {
      const person = first(ctx.db, ctx.db.kysely.selectFrom('contact_people').select('contact_id').where('id', '=', input.personId));
      if (!person || person.contact_id !== input.contactId) throw invalidField('personId', 'Personen hører ikke til denne samarbeidspartneren');
    }
    const existing = first(
      ctx.db,
      ctx.db.kysely
        .selectFrom('case_contacts')
        .select('id')
        .where('case_id', '=', input.caseId)
        .where('contact_id', '=', input.contactId)
        .where('role', '=', input.role),
    );
    if (existing)
      throw new ServiceError('conflict', 'Samarbeidspartneren er allerede knyttet til saken i denne rollen', {
        contactId: 'Allerede knyttet til saken i denne rollen',
      });
    const row = first(
      ctx.db,
      ctx.db.kysely
        .insertInto('case_contacts')
        .values({ case_id: input.caseId, contact_id: input.contactId, person_id: input.personId ?? null, role: input.role })
        .returning('id'),
    )!;
    recordAuditSync(
      ctx,
      'create',
      'case_contact',
      row.id,
      auditedFields('cases:link-contact', ['caseId', 'contactId', 'role', ...(input.personId ? (['personId'] as const) : [])]),
    );
  });
  return input.caseId;
}

export function unlinkCaseContact(ctx: SignedInContext, input: ChannelParsedInput<'cases:unlink-contact'>): { id: number } {
  return transaction(ctx.db, () => {
    const row = first(ctx.db, ctx.db.kysely.selectFrom('case_contacts').select('id').where('id', '=', input.id));
    if (!row) throw notFound('Koblingen finnes ikke');
    run(ctx.db, ctx.db.kysely.deleteFrom('case_contacts').where('id', '=', input.id));
    recordAuditSync(ctx, 'delete', 'case_contact', input.id, []);
    return { id: input.id };
  });
}
