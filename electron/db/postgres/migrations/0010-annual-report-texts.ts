import { sql, type Kysely } from 'kysely';

/**
 * PostgreSQL's 0010 (see electron/db/migrations/0010-annual-report-texts.ts): the annual report's texts.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table annual_report_texts (
    year integer not null check (year between 2000 and 2100),
    section text not null check (length(section) between 1 and 40),
    text text not null check (length(text) between 1 and 8000),
    updated_at text not null,
    updated_by integer references team_members (id) on delete restrict,
    primary key (year, section)
  )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table annual_report_texts`.execute(db);
}
