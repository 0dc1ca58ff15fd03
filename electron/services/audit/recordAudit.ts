import { first, run } from '../../db/exec';
import { auditRowHash, GENESIS_HASH } from '../../db/auditChain';
import type { ServiceContext } from '../context';
import type { AuditAction, AuditRecordType } from '@shared/domain/audit';
import type { ChannelName } from '@shared/contract';
import type { AuditedField } from '@shared/contract/auditedFields';

export { AUDIT_ACTIONS, type AuditAction, type AuditRecordType } from '@shared/domain/audit';

declare const checkedAgainstContract: unique symbol;
/** Field names checked against a channel's contract by `auditedFields`; recordAudit takes no others. */
export type AuditedFields = readonly string[] & { readonly [checkedAgainstContract]: true };

/**
 * The names of the fields a write of `channel` touched, as its audit row gives them. The compiler
 * refuses a name that is not the channel's input field (or one the contract adds for the channel).
 */
export function auditedFields<C extends ChannelName>(_channel: C, names: readonly AuditedField<C>[]): AuditedFields {
  return names as unknown as AuditedFields;
}

/**
 * One row per change: who, when, what, which record, and the names of the fields touched — never their
 * values, so the log itself holds no personal data. Call inside the write's transaction: the row takes
 * the next id and links to the previous row's hash, which only holds while no other write interleaves.
 */
export function recordAudit(
  ctx: Pick<ServiceContext, 'db' | 'actor' | 'clock' | 'readOnly'>,
  action: AuditAction,
  recordType: AuditRecordType,
  recordId: number | null,
  fields: AuditedFields | readonly [] = [],
): void {
  // A read-only instance lets people sign in to read but cannot write; with nothing changed there is
  // nothing to account for, and the connection would refuse the row anyway.
  if (ctx.readOnly) return;
  const { kysely } = ctx.db;
  const last = first(ctx.db, kysely.selectFrom('audit_log').select(['id', 'hash']).orderBy('id', 'desc').limit(1));
  const row = {
    id: (last?.id ?? 0) + 1,
    at: ctx.clock.now().toISOString(),
    actor_id: ctx.actor?.id ?? null,
    action,
    record_type: recordType,
    record_id: recordId === null ? null : String(recordId),
    fields: JSON.stringify([...fields].sort()),
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  run(ctx.db, kysely.insertInto('audit_log').values({ ...row, hash: auditRowHash(row) }));
}
