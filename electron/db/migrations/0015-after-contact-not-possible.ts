import { sql, type Kysely } from 'kysely';
import { globCheck } from '../engineDdl';

/**
 * The three-month contact that could not be held (issue 17). Until now a closed case without a contact
 * date stayed «Forfalt» on Oversikt for ever, even when the user had moved, died or said no. One row per
 * case says why (a reason from a fixed list, shared/domain/afterContact.ts, as it was when this ran) and
 * when the team gave up, with an optional short note that retention empties. A contact that was held is
 * still the case's `after_contact_date`, so the figures that count held contacts are unchanged; the two
 * never stand together (the services remove this row when a contact is recorded or the case reopened).
 * Versioned like every record a user edits (migration 0013).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table after_contact_not_possible (
    case_id integer primary key references cases (id) on delete cascade,
    decided_on text not null check (${globCheck(db, 'decided_on', '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')}),
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
