import { sql, type Kysely } from 'kysely';

/** PostgreSQL's 0003 (see electron/db/migrations/0003-settings.ts): the team's settings as key → JSON value. */
export async function up(db: Kysely<any>): Promise<void> {
  // SQLite's json_valid(): PostgreSQL 15 has no IS JSON, and a cast in a check would fail with a cast error
  // instead of the check's violation.
  await sql`create function ettervern_json_valid(value text) returns boolean language plpgsql immutable as $$
    begin
      perform value::jsonb;
      return true;
    exception when others then
      return false;
    end $$`.execute(db);
  await sql`create table settings (
    key text primary key,
    value text not null check (ettervern_json_valid(value)),
    updated_at text not null,
    updated_by integer references team_members (id) on delete restrict
  )`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migration 0003 cannot be reversed; restore a backup instead.');
}
