import { sql, type Kysely } from 'kysely';
import { tableOptions } from '../engineDdl';

/**
 * A database the team shares from a network folder. `database_sharing` holds one row once the file has
 * been shared: the mark travels with the file, so every PC that opens it (whatever its path looks like)
 * uses the rollback journal and short write locks. `presence` is one row per running instance, renewed
 * by its heartbeat, so the header can say who else is here. `daily_backup_claims` lets exactly one
 * instance take the day's backup: the first to insert the day's row inside a write transaction.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table database_sharing (
    id integer primary key check (id = 1),
    shared_at text not null,
    shared_by integer references team_members (id) on delete set null
  )${tableOptions(db, 'strict')}`.execute(db);
  await sql`create table presence (
    instance_id text primary key check (length(instance_id) between 8 and 64),
    member_id integer references team_members (id) on delete set null,
    machine text not null check (length(machine) between 1 and 100),
    opened_at text not null,
    last_seen_at text not null
  )${tableOptions(db, 'strict, without rowid')}`.execute(db);
  await sql`create table daily_backup_claims (
    day text primary key check (length(day) = 10),
    instance_id text not null,
    claimed_at text not null,
    file_name text
  )${tableOptions(db, 'strict, without rowid')}`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table daily_backup_claims`.execute(db);
  await sql`drop table presence`.execute(db);
  await sql`drop table database_sharing`.execute(db);
}
