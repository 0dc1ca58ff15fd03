import { first, run, transaction } from '../../db/exec';
import type { ServiceContext } from '../context';
import { appendAuditRowSync, cannotWrite, pendingAuditLocation } from './recordAudit';
import { mergePendingAudit, pendingAuditEntries, type PendingAuditEntry } from './pendingAudit';

/**
 * Sign-in outcomes recorded while read-only also move the lockout counter, as they would have had the
 * database been writable: a failure adds one, a successful sign-in clears it.
 */
function applyToLockout(ctx: Pick<ServiceContext, 'db'>, entry: PendingAuditEntry): void {
  if (entry.recordType !== 'session' || entry.recordId === null) return;
  const memberId = Number(entry.recordId);
  if (!Number.isInteger(memberId)) return;
  const { kysely } = ctx.db;
  if (entry.action === 'sign-in-failed') {
    const row = first(ctx.db, kysely.selectFrom('team_members').select(['failed_sign_ins', 'last_failed_sign_in_at']).where('id', '=', memberId));
    if (!row) return;
    const last = row.last_failed_sign_in_at !== null && row.last_failed_sign_in_at > entry.at ? row.last_failed_sign_in_at : entry.at;
    run(
      ctx.db,
      kysely
        .updateTable('team_members')
        .set({ failed_sign_ins: row.failed_sign_ins + 1, last_failed_sign_in_at: last })
        .where('id', '=', memberId),
    );
  } else if (entry.action === 'sign-in') {
    run(ctx.db, kysely.updateTable('team_members').set({ failed_sign_ins: 0, last_failed_sign_in_at: null }).where('id', '=', memberId));
  }
}

function memberExists(ctx: Pick<ServiceContext, 'db'>, id: number): boolean {
  return first(ctx.db, ctx.db.kysely.selectFrom('team_members').select('id').where('id', '=', id)) !== undefined;
}

/**
 * Writes the audit lines that waited while this database was read-only into the audit log, oldest
 * first, in one transaction. Does nothing while this instance cannot write itself. Returns how many.
 */
export function mergePendingAuditInto(ctx: Pick<ServiceContext, 'db' | 'readOnly' | 'userDataDir'>): number {
  if (cannotWrite(ctx)) return 0;
  const location = pendingAuditLocation(ctx);
  if (pendingAuditEntries(location).length === 0) return 0;
  return mergePendingAudit(location, (entries) =>
    transaction(ctx.db, () => {
      for (const entry of entries) {
        appendAuditRowSync(ctx.db, {
          at: entry.at,
          // A member missing since (a restore in between) would break the foreign key and block every merge.
          actor_id: entry.actorId !== null && memberExists(ctx, entry.actorId) ? entry.actorId : null,
          action: entry.action,
          record_type: entry.recordType,
          record_id: entry.recordId,
          fields: entry.fields,
        });
        applyToLockout(ctx, entry);
      }
    }),
  );
}
