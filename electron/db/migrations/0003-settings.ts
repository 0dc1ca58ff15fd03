import { sql, type Kysely } from 'kysely';

/** The team's settings as key → JSON value; keys and their schemas live in shared/domain/settings.ts. */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table settings (
    key text primary key,
    value text not null check (json_valid(value)),
    updated_at text not null,
    updated_by integer references team_members (id) on delete restrict
  ) strict`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migration 0003 cannot be reversed; restore a backup instead.');
}
