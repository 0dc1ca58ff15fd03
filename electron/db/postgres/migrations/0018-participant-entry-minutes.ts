import { sql, type Kysely } from 'kysely';
import { BACKFILL_PARTICIPANT_COPIES, COPY_ENTRY_TO_PARTICIPANTS } from '../../migrations/0018-participant-entry-minutes';

/**
 * PostgreSQL's 0018 (see electron/db/migrations/0018-participant-entry-minutes.ts): each participant row's
 * copies of its entry's minutes and participant count, kept by a PL/pgSQL trigger with SQLite's own
 * statement, and the member index widened to cover them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table time_entry_participants add column entry_minutes integer not null default 0`.execute(db);
  await sql`alter table time_entry_participants add column entry_participants integer not null default 0`.execute(db);
  await sql`drop index time_entry_participants_by_member`.execute(db);

  await sql`create function participant_entry_minutes_keep() returns trigger language plpgsql as $$
    begin
      ${COPY_ENTRY_TO_PARTICIPANTS}
      return null;
    end $$`.execute(db);
  // A new participant raises the entry's participant_count (0001's trigger), which fires this one.
  await sql`create trigger participant_entry_minutes_after_update
    after update of minutes, participant_count on time_entries
    for each row when (old.minutes <> new.minutes or old.participant_count <> new.participant_count)
    execute function participant_entry_minutes_keep()`.execute(db);

  await BACKFILL_PARTICIPANT_COPIES.execute(db);
  await sql`create index time_entry_participants_by_member
    on time_entry_participants (team_member_id, time_entry_id, entry_minutes, entry_participants)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger participant_entry_minutes_after_update on time_entries`.execute(db);
  await sql`drop function participant_entry_minutes_keep()`.execute(db);
  await sql`drop index time_entry_participants_by_member`.execute(db);
  await sql`create index time_entry_participants_by_member on time_entry_participants (team_member_id, time_entry_id)`.execute(db);
  await sql`alter table time_entry_participants drop column entry_participants`.execute(db);
  await sql`alter table time_entry_participants drop column entry_minutes`.execute(db);
}
