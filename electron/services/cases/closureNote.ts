import { run, transaction } from '../../db/exec';
import { claimCaseRow } from './caseRow';
import type { CaseTextsDto, ChannelParsedInput } from '@shared/contract';
import { auditedFields, recordAuditSync } from '../audit/recordAudit';
import type { SignedInContext } from '../context';
import { ServiceError } from '../errors/serviceError';

/** A reduced case has lost its free text to retention; writing new text would undo that. */
function refuseReduced(row: { reduced_at: string | null }, field: string): void {
  if (row.reduced_at !== null) {
    throw new ServiceError('conflict', 'Saken er redusert til statistikk og kan ikke få ny fritekst', { [field]: 'Saken er redusert til statistikk' });
  }
}

/** An emptied field is stored as no text, so the closure report says «Ikke registrert» rather than printing a blank. */
const orNull = (value: string | null): string | null => (value === '' ? null : value);

export function setClosureNote(
  ctx: SignedInContext,
  input: ChannelParsedInput<'cases:set-closure-note'>,
): { id: number; closureNote: string | null; version: number } {
  const note = orNull(input.closureNote);
  return transaction(ctx.db, () => {
    const row = claimCaseRow(ctx, input.id, input.version);
    refuseReduced(row, 'closureNote');
    run(ctx.db, ctx.db.kysely.updateTable('cases').set({ closure_note: note, updated_at: ctx.clock.now().toISOString() }).where('id', '=', row.id));
    recordAuditSync(ctx, 'update', 'case', row.id, auditedFields('cases:set-closure-note', ['closureNote']));
    return { id: row.id, closureNote: note, version: row.version };
  });
}

/**
 * The referral reason and the team's assessment and recommendations, the closure report's own words.
 * Only the fields sent are changed; the audit row names them, never their text.
 */
export function setCaseTexts(ctx: SignedInContext, input: ChannelParsedInput<'cases:set-texts'>): CaseTextsDto {
  const changes = {
    ...(input.referralReason === undefined ? {} : { referral_reason: orNull(input.referralReason) }),
    ...(input.teamAssessment === undefined ? {} : { team_assessment: orNull(input.teamAssessment) }),
  };
  const fields = [
    ...(input.referralReason === undefined ? [] : ['referralReason' as const]),
    ...(input.teamAssessment === undefined ? [] : ['teamAssessment' as const]),
  ];
  if (fields.length === 0) throw new ServiceError('validation', 'Skriv henvisningsgrunn eller teamets vurdering før du lagrer', {});
  return transaction(ctx.db, () => {
    const row = claimCaseRow(ctx, input.id, input.version);
    refuseReduced(row, fields[0]!);
    run(
      ctx.db,
      ctx.db.kysely
        .updateTable('cases')
        .set({ ...changes, updated_at: ctx.clock.now().toISOString() })
        .where('id', '=', row.id),
    );
    recordAuditSync(ctx, 'update', 'case', row.id, auditedFields('cases:set-texts', fields));
    const saved = { ...row, ...changes };
    return { id: row.id, referralReason: saved.referral_reason, teamAssessment: saved.team_assessment, version: row.version };
  });
}
