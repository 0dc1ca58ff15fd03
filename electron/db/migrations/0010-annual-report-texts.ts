import { sql, type Kysely } from 'kysely';
import { tableOptions } from '../engineDdl';

/**
 * The annual report's introductory texts, one per year and section (keys in shared/domain/annualReport.ts).
 * A section without a row prints its tables only; an emptied text deletes the row rather than storing ''.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table annual_report_texts (
    year integer not null check (year between 2000 and 2100),
    section text not null check (length(section) between 1 and 40),
    text text not null check (length(text) between 1 and 8000),
    updated_at text not null,
    updated_by integer references team_members (id) on delete restrict,
    primary key (year, section)
  )${tableOptions(db, 'strict, without rowid')}`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table annual_report_texts`.execute(db);
}
