import * as exec from '../../db/exec';
import { first, run } from '../../db/query';
import { auditRowHash, GENESIS_HASH } from '../../db/auditChain';
import type { Db } from '../../db/engine';
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

/** The row that follows `last` in the chain: the next id, linked to its hash. */
function chainedRow(last: { id: number; hash: string } | undefined, content: AuditRowContent) {
  const row = { id: (last?.id ?? 0) + 1, ...content, prev_hash: last?.hash ?? GENESIS_HASH };
  return { ...row, hash: auditRowHash(row) };
}

/** Appends one chained row. Call inside the write's transaction (see recordAudit). */
export async function appendAuditRow(db: Db, content: AuditRowContent): Promise<void> {
  const last = await first(db, db.kysely.selectFrom('audit_log').select(['id', 'hash']).orderBy('id', 'desc').limit(1));
  await run(db, db.kysely.insertInto('audit_log').values(chainedRow(last, content)));
}

/**
 * appendAuditRow for the services still on the synchronous executor (exec.ts, SQLite only). It goes when
 * the last of them has moved to query.ts (see the README's plan).
 */
export function appendAuditRowSync(db: AppDatabase, content: AuditRowContent): void {
  const last = exec.first(db, db.kysely.selectFrom('audit_log').select(['id', 'hash']).orderBy('id', 'desc').limit(1));
  exec.run(db, db.kysely.insertInto('audit_log').values(chainedRow(last, content)));
}

/** Where an audit row can go: the database on either engine, or a waiting file when this instance cannot write. */
export type WhereAuditGoes = Pick<ServiceContext, 'readOnly' | 'userDataDir'> & { db: Db };

/** True when this instance cannot write: read-only or recovery mode, or a connection opened read-only. */
export function cannotWrite(ctx: WhereAuditGoes): boolean {
  return Boolean(ctx.readOnly) || (ctx.db.engine === 'sqlite' && ctx.db.sqlite.readonly);
}

/** Where this instance's waiting audit lines go: beside the database file on disk (not a recovery stand-in). */
export function pendingAuditLocation(ctx: WhereAuditGoes): PendingAuditLocation {
  return { databasePath: ctx.readOnly?.databasePath ?? (ctx.db.engine === 'sqlite' ? ctx.db.path : ''), userDataDir: ctx.userDataDir };
}

/** What an audit row needs from the call: the database on either engine, who, and when. */
export type AuditContext = Pick<ServiceContext, 'actor' | 'clock' | 'readOnly' | 'userDataDir'> & { db: Db };

function auditContent(
  ctx: AuditContext,
  action: AuditAction,
  recordType: AuditRecordType,
  recordId: number | null,
  fields: AuditedFields | readonly [],
): AuditRowContent {
  return {
    at: ctx.clock.now().toISOString(),
    actor_id: ctx.actor?.id ?? null,
    action,
    record_type: recordType,
    record_id: recordId === null ? null : String(recordId),
    fields: JSON.stringify([...fields].sort()),
  };
}

/**
 * Read-only still accounts for sign-ins and case views: the row waits beside the database until a writer
 * merges it (mergePending.ts). True when the row was left waiting.
 */
function leftWaiting(ctx: AuditContext, content: AuditRowContent): boolean {
  if (!cannotWrite(ctx)) return false;
  const { actor_id, record_type, record_id, ...rest } = content;
  appendPendingAudit(pendingAuditLocation(ctx), { ...rest, actorId: actor_id, recordType: record_type, recordId: record_id });
  return true;
}

/**
 * One row per change: who, when, what, which record, and the names of the fields touched — never their
 * values, so the log itself holds no personal data. Call inside the write's transaction: the row takes
 * the next id and links to the previous row's hash, which only holds while no other write interleaves.
 */
export async function recordAudit(
  ctx: AuditContext,
  action: AuditAction,
  recordType: AuditRecordType,
  recordId: number | null,
  fields: AuditedFields | readonly [] = [],
): Promise<void> {
  const content = auditContent(ctx, action, recordType, recordId, fields);
  if (!leftWaiting(ctx, content)) await appendAuditRow(ctx.db, content);
}

/** recordAudit for the services still on exec.ts (SQLite only); goes with the last of them. */
export function recordAuditSync(
  ctx: Pick<ServiceContext, 'db' | 'actor' | 'clock' | 'readOnly' | 'userDataDir'>,
  action: AuditAction,
  recordType: AuditRecordType,
  recordId: number | null,
  fields: AuditedFields | readonly [] = [],
): void {
  const content = auditContent(ctx, action, recordType, recordId, fields);
  if (!leftWaiting(ctx, content)) appendAuditRowSync(ctx.db, content);
}
