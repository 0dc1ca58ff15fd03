import { sql, type Kysely } from 'kysely';
import { auditRowHash, GENESIS_HASH, type ChainedAuditRow } from '../auditChain';

/** Longest closure note: a short factual remark, not a report (that goes in the patient record). */
export const CLOSURE_NOTE_MAX = 500;

/**
 * Access control: passwords and failed-attempt counts on team members, a hash chain on the audit log,
 * and the case columns retention works on (a short free-text closure note, and when a case was reduced
 * to statistics).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await addAccessColumns(db);

  // Existing rows join the chain: the append-only trigger is lifted for this one backfill only.
  await sql`drop trigger audit_log_no_update`.execute(db);
  await chainExistingAuditRows(db);
  await sql`create trigger audit_log_no_update before update on audit_log begin
    select raise(abort, 'audit_log er skrivebeskyttet'); end`.execute(db);
  // A row written past recordAuditSync (without a place in the chain) is refused.
  await sql`create trigger audit_log_requires_chain before insert on audit_log
    when new.hash is null or new.prev_hash is null begin
    select raise(abort, 'audit_log krever hash-kjede'); end`.execute(db);
  await sql`create index audit_log_by_actor on audit_log (actor_id, at)`.execute(db);
  await sql`create index audit_log_by_time on audit_log (at)`.execute(db);
}

/** The columns this migration adds; the PostgreSQL schema adds the same. */
export async function addAccessColumns(db: Kysely<any>): Promise<void> {
  await sql`alter table team_members add column password_hash text`.execute(db);
  await sql`alter table team_members add column failed_sign_ins integer not null default 0`.execute(db);
  await sql`alter table team_members add column last_failed_sign_in_at text`.execute(db);

  await sql`alter table cases add column closure_note text check (length(closure_note) <= ${sql.lit(CLOSURE_NOTE_MAX)})`.execute(db);
  await sql`alter table cases add column reduced_at text`.execute(db);

  await sql`alter table audit_log add column prev_hash text`.execute(db);
  await sql`alter table audit_log add column hash text`.execute(db);
}

/** Gives every existing audit row its place in the hash chain; the PostgreSQL schema runs the same. */
export async function chainExistingAuditRows(db: Kysely<any>): Promise<void> {
  const rows = (await sql<ChainedAuditRow>`select * from audit_log order by id`.execute(db)).rows;
  let previous = GENESIS_HASH;
  for (const row of rows) {
    const hash = auditRowHash({ ...row, prev_hash: previous });
    await sql`update audit_log set prev_hash = ${previous}, hash = ${hash} where id = ${row.id}`.execute(db);
    previous = hash;
  }
}

export async function down(): Promise<void> {
  throw new Error('Migration 0006 cannot be reversed; restore a backup instead.');
}
