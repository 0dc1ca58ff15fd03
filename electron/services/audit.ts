import { run } from '../db/exec';
import type { ServiceContext } from './context';

export type AuditAction =
  | 'create'
  | 'update'
  | 'delete'
  | 'sign-in'
  | 'sign-out'
  | 'transition'
  | 'reopen'
  | 'archive'
  | 'backup'
  | 'restore';
export type AuditRecordType =
  | 'team_member'
  | 'case'
  | 'time_entry'
  | 'session'
  | 'settings'
  | 'case_goal'
  | 'case_contact'
  | 'life_domain'
  | 'contact'
  | 'contact_person'
  | 'network_event'
  | 'database';

/**
 * One row per change: who, when, what, which record, and the names of the fields touched — never their
 * values, so the log itself holds no personal data. Call inside the write's transaction.
 */
export function recordAudit(
  ctx: ServiceContext,
  action: AuditAction,
  recordType: AuditRecordType,
  recordId: number | null,
  fields: readonly string[] = [],
): void {
  // A read-only instance lets people sign in to read but cannot write; with nothing changed there is
  // nothing to account for, and the connection would refuse the row anyway.
  if (ctx.readOnly) return;
  run(
    ctx.db,
    ctx.db.kysely.insertInto('audit_log').values({
      at: ctx.clock.now().toISOString(),
      actor_id: ctx.actor?.id ?? null,
      action,
      record_type: recordType,
      record_id: recordId === null ? null : String(recordId),
      fields: JSON.stringify([...fields].sort()),
    }),
  );
}
