import { first, run, transaction } from '../../db/exec';
import type { ChannelParsedInput } from '@shared/contract';
import { auditedFields, recordAudit } from '../audit/recordAudit';
import type { SignedInContext } from '../context';
import { notFound, ServiceError } from '../errors/serviceError';

export function setClosureNote(ctx: SignedInContext, input: ChannelParsedInput<'cases:set-closure-note'>): { id: number; closureNote: string | null } {
  const note = input.closureNote === '' ? null : input.closureNote;
  return transaction(ctx.db, () => {
    const row = first(ctx.db, ctx.db.kysely.selectFrom('cases').select(['id', 'reduced_at']).where('id', '=', input.id));
    if (!row) throw notFound('Saken finnes ikke', 'id');
    if (row.reduced_at !== null) {
      throw new ServiceError('conflict', 'Saken er redusert til statistikk og kan ikke få nytt notat', { closureNote: 'Saken er redusert til statistikk' });
    }
    run(ctx.db, ctx.db.kysely.updateTable('cases').set({ closure_note: note, updated_at: ctx.clock.now().toISOString() }).where('id', '=', row.id));
    recordAudit(ctx, 'update', 'case', row.id, auditedFields('cases:set-closure-note', ['closureNote']));
    return { id: row.id, closureNote: note };
  });
}
