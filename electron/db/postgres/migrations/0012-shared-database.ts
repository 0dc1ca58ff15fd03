import { sql, type Kysely } from 'kysely';

/**
 * PostgreSQL's 0012 (see electron/db/migrations/0012-shared-database.ts): the sharing mark, presence and
 * daily backup claims, kept so both engines have the same tables (a server's own backups replace the claims).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table database_sharing (
    id integer primary key check (id = 1),
    shared_at text not null,
    shared_by integer references team_members (id) on delete set null
  )`.execute(db);
  await sql`create table presence (
    instance_id text primary key check (length(instance_id) between 8 and 64),
    member_id integer references team_members (id) on delete set null,
    machine text not null check (length(machine) between 1 and 100),
    opened_at text not null,
    last_seen_at text not null
  )`.execute(db);
  await sql`create table daily_backup_claims (
    day text primary key check (length(day) = 10),
    instance_id text not null,
    claimed_at text not null,
    file_name text
  )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table daily_backup_claims`.execute(db);
  await sql`drop table presence`.execute(db);
  await sql`drop table database_sharing`.execute(db);
}
