import { sql, type Kysely } from 'kysely';

/**
 * Each participant row carries a copy of its entry's minutes and participant count, kept by a trigger,
 * and the member index covers them.
 *
 * The grid's totals for one member (hours, person-hours, entries) summed the entries of the member's
 * participant rows: one look-up in time_entries per row, 51,000 of them spread over a 10M-entry file
 * (p95 182 ms quiet). With the copies in the index (team_member_id, time_entry_id, entry_minutes,
 * entry_participants) the member's totals are one contiguous range of that index. Derived data, like
 * time_totals_daily (0002): the backfill at the end of `up` copies it from time_entries, and a test
 * compares the two after random writes. The trigger's statement is a named constant so an engine with
 * another trigger syntax can reuse it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table time_entry_participants add column entry_minutes integer not null default 0`.execute(db);
  await sql`alter table time_entry_participants add column entry_participants integer not null default 0`.execute(db);
  // The member index, widened to cover the copies; the same leading columns serve what it served before.
  await sql`drop index time_entry_participants_by_member`.execute(db);

  // A new participant raises the entry's participant_count (trigger from 0001), which fires this one and
  // writes the copies into the new row and its siblings alike; a removed one lowers it the same way.
  await sql`create trigger participant_entry_minutes_after_update
    after update of minutes, participant_count on time_entries
    when old.minutes <> new.minutes or old.participant_count <> new.participant_count begin
    ${COPY_ENTRY_TO_PARTICIPANTS}
  end`.execute(db);

  await BACKFILL_PARTICIPANT_COPIES.execute(db);
  await sql`create index time_entry_participants_by_member
    on time_entry_participants (team_member_id, time_entry_id, entry_minutes, entry_participants)`.execute(db);
}

/** The entry's minutes and participant count, written into each of its participant rows. */
export const COPY_ENTRY_TO_PARTICIPANTS = sql.raw(
  `update time_entry_participants set entry_minutes = new.minutes, entry_participants = new.participant_count where time_entry_id = new.id;`,
);

/** Every participant row's copies from its entry (before the index exists, so it is built once). */
export const BACKFILL_PARTICIPANT_COPIES = sql.raw(
  `update time_entry_participants set entry_minutes = t.minutes, entry_participants = t.participant_count
     from time_entries t where t.id = time_entry_participants.time_entry_id`,
);

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger participant_entry_minutes_after_update`.execute(db);
  await sql`drop index time_entry_participants_by_member`.execute(db);
  await sql`create index time_entry_participants_by_member on time_entry_participants (team_member_id, time_entry_id)`.execute(db);
  await sql`alter table time_entry_participants drop column entry_participants`.execute(db);
  await sql`alter table time_entry_participants drop column entry_minutes`.execute(db);
}
