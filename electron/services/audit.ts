import { run } from '../db/exec';
import type { ServiceContext } from './context';

export type AuditAction = 'create' | 'update' | 'delete' | 'sign-in' | 'sign-out' | 'import' | 'export';
export type AuditRecordType = 'team_member' | 'case' | 'time_entry' | 'session' | 'settings' | 'time_entry_import' | 'time_entry_export';

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
