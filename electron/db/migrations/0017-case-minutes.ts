import { sql, type Kysely } from 'kysely';

/**
 * Each case's logged minutes as a column of the case, kept exact by triggers on time_entries.
 *
 * The case list shows and sorts by the time logged on each case. Summed from the entries on every call,
 * that read every entry of every listed case: 1 s for the 50,000 cases of a 10M-entry file, and a sort
 * by hours had to sum all of them before it could pick a page. Kept here, the list reads one column and
 * the index below hands a sorted page straight out. Derived data, like time_totals_daily (0002): the
 * backfill at the end of `up` computes it from time_entries, and a test compares the two after random
 * writes. The triggers' statements are named constants so an engine with another trigger syntax can
 * reuse the same arithmetic.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table cases add column logged_minutes integer not null default 0`.execute(db);
  // Serves «sort by hours» in both directions: the page is read off the index, ties broken by id.
  await sql`create index cases_logged_minutes on cases (logged_minutes, id)`.execute(db);

  await sql`create trigger case_minutes_after_insert after insert on time_entries
    when new.case_id is not null begin
    ${ADD_NEW_MINUTES}
  end`.execute(db);
  await sql`create trigger case_minutes_after_delete after delete on time_entries
    when old.case_id is not null begin
    ${REMOVE_OLD_MINUTES}
  end`.execute(db);
  // A move to another case, or new minutes: the old case gives its share back, the new one takes it.
  await sql`create trigger case_minutes_after_update after update of case_id, minutes on time_entries
    when old.case_id is not new.case_id or old.minutes <> new.minutes begin
    ${REMOVE_OLD_MINUTES}
    ${ADD_NEW_MINUTES}
  end`.execute(db);

  await BACKFILL_CASE_MINUTES.execute(db);
}

/** Adds the new row's minutes to its case (no row is touched when the entry has no case). */
export const ADD_NEW_MINUTES = sql.raw(`update cases set logged_minutes = logged_minutes + new.minutes where id = new.case_id;`);

/** Takes the old row's minutes off the case it was on. */
export const REMOVE_OLD_MINUTES = sql.raw(`update cases set logged_minutes = logged_minutes - old.minutes where id = old.case_id;`);

/** Every case's minutes from scratch; the covering index on time_entries (case_id, minutes) answers each sum. */
export const BACKFILL_CASE_MINUTES = sql.raw(
  `update cases set logged_minutes = coalesce((select sum(t.minutes) from time_entries t where t.case_id = cases.id), 0)`,
);

export async function down(db: Kysely<any>): Promise<void> {
  for (const trigger of ['case_minutes_after_insert', 'case_minutes_after_delete', 'case_minutes_after_update']) {
    await sql`drop trigger ${sql.raw(trigger)}`.execute(db);
  }
  await sql`drop index cases_logged_minutes`.execute(db);
  await sql`alter table cases drop column logged_minutes`.execute(db);
}
