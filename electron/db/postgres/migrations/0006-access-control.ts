import { sql, type Kysely } from 'kysely';
import { addAccessColumns, chainExistingAuditRows } from '../../migrations/0006-access-control';

/**
 * PostgreSQL's 0006 (see electron/db/migrations/0006-access-control.ts): passwords and failed sign-ins, the
 * retention columns on cases, and the audit log's hash chain, which a PL/pgSQL trigger requires on every
 * new row.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await addAccessColumns(db);

  // Existing rows join the chain: the append-only trigger is lifted for this one backfill only, inside the
  // migration's transaction, so no other session ever sees the log writable.
  await sql`alter table audit_log disable trigger audit_log_no_update`.execute(db);
  await chainExistingAuditRows(db);
  await sql`alter table audit_log enable trigger audit_log_no_update`.execute(db);
  // A row written past recordAuditSync (without a place in the chain) is refused.
  await sql`create function audit_log_require_chain() returns trigger language plpgsql as $$
    begin
      if new.hash is null or new.prev_hash is null then
        raise exception 'audit_log krever hash-kjede';
      end if;
      return new;
    end $$`.execute(db);
  await sql`create trigger audit_log_requires_chain before insert on audit_log
    for each row execute function audit_log_require_chain()`.execute(db);
  await sql`create index audit_log_by_actor on audit_log (actor_id, at)`.execute(db);
  await sql`create index audit_log_by_time on audit_log (at)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migration 0006 cannot be reversed; restore a backup instead.');
}
