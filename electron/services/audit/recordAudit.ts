import { first, run } from '../../db/exec';
import { auditRowHash, GENESIS_HASH } from '../../db/auditChain';
import type { ServiceContext } from '../context';
import type { AppDatabase } from '../../db/open';
import { appendPendingAudit, type PendingAuditLocation } from './pendingAudit';
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

/** The columns of an audit row before it is chained (id, prev_hash and hash are added here). */
export interface AuditRowContent {
  at: string;
  actor_id: number | null;
  action: AuditAction;
  record_type: AuditRecordType;
  record_id: string | null;
  fields: string;
}

/** Appends one chained row. Call inside the write's transaction (see recordAudit). */
export function appendAuditRow(db: AppDatabase, content: AuditRowContent): void {
  const { kysely } = db;
  const last = first(db, kysely.selectFrom('audit_log').select(['id', 'hash']).orderBy('id', 'desc').limit(1));
  const row = { id: (last?.id ?? 0) + 1, ...content, prev_hash: last?.hash ?? GENESIS_HASH };
  run(db, kysely.insertInto('audit_log').values({ ...row, hash: auditRowHash(row) }));
}

/** True when this instance cannot write: read-only or recovery mode, or a connection opened read-only. */
export function cannotWrite(ctx: Pick<ServiceContext, 'db' | 'readOnly'>): boolean {
  return Boolean(ctx.readOnly) || ctx.db.sqlite.readonly;
}

/** Where this instance's waiting audit lines go: beside the database file on disk (not a recovery stand-in). */
export function pendingAuditLocation(ctx: Pick<ServiceContext, 'db' | 'readOnly' | 'userDataDir'>): PendingAuditLocation {
  return { databasePath: ctx.readOnly?.databasePath ?? ctx.db.path, userDataDir: ctx.userDataDir };
}

/**
 * One row per change: who, when, what, which record, and the names of the fields touched — never their
 * values, so the log itself holds no personal data. Call inside the write's transaction: the row takes
 * the next id and links to the previous row's hash, which only holds while no other write interleaves.
 */
export function recordAudit(
  ctx: Pick<ServiceContext, 'db' | 'actor' | 'clock' | 'readOnly' | 'userDataDir'>,
  action: AuditAction,
  recordType: AuditRecordType,
  recordId: number | null,
  fields: AuditedFields | readonly [] = [],
): void {
  const content: AuditRowContent = {
    at: ctx.clock.now().toISOString(),
    actor_id: ctx.actor?.id ?? null,
    action,
    record_type: recordType,
    record_id: recordId === null ? null : String(recordId),
    fields: JSON.stringify([...fields].sort()),
  };
  // Read-only still accounts for sign-ins and case views: the row waits beside the database until a
  // writer merges it (mergePending.ts).
  if (cannotWrite(ctx)) {
    const { actor_id, record_type, record_id, ...rest } = content;
    appendPendingAudit(pendingAuditLocation(ctx), { ...rest, actorId: actor_id, recordType: record_type, recordId: record_id });
    return;
  }
  appendAuditRow(ctx.db, content);
}
