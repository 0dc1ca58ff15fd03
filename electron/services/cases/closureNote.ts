import { run, transaction } from '../../db/exec';
import { claimCaseRow } from './caseRow';
import type { ChannelParsedInput } from '@shared/contract';
import { auditedFields, recordAudit } from '../audit/recordAudit';
import type { SignedInContext } from '../context';
import { ServiceError } from '../errors/serviceError';

export function setClosureNote(
  ctx: SignedInContext,
  input: ChannelParsedInput<'cases:set-closure-note'>,
): { id: number; closureNote: string | null; version: number } {
  const note = input.closureNote === '' ? null : input.closureNote;
  return transaction(ctx.db, () => {
    const row = claimCaseRow(ctx, input.id, input.version);
    if (row.reduced_at !== null) {
      throw new ServiceError('conflict', 'Saken er redusert til statistikk og kan ikke få nytt notat', { closureNote: 'Saken er redusert til statistikk' });
    }
    run(ctx.db, ctx.db.kysely.updateTable('cases').set({ closure_note: note, updated_at: ctx.clock.now().toISOString() }).where('id', '=', row.id));
    recordAudit(ctx, 'update', 'case', row.id, auditedFields('cases:set-closure-note', ['closureNote']));
    return { id: row.id, closureNote: note, version: row.version };
  });
}
