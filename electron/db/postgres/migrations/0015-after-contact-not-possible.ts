import { sql, type Kysely } from 'kysely';
import { isoDateCheck } from '../engineSql';

/**
 * PostgreSQL's 0015 (see electron/db/migrations/0015-after-contact-not-possible.ts): why the three-month
 * contact could not be held.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table after_contact_not_possible (
    case_id integer primary key references cases (id) on delete cascade,
    decided_on text not null check (${isoDateCheck('decided_on')}),
    reason text not null check (reason in ('fikk_ikke_kontakt', 'onsket_ikke_kontakt', 'i_institusjon', 'flyttet', 'dod', 'annet')),
    note text check (note is null or length(trim(note)) between 1 and 200),
    created_at text not null,
    created_by integer references team_members (id) on delete restrict,
    updated_at text not null,
    updated_by integer references team_members (id) on delete restrict,
    version integer not null default 1 check (version >= 1)
  )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table after_contact_not_possible`.execute(db);
}
