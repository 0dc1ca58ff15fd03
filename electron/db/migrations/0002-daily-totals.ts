import { sql, type Kysely } from 'kysely';
import { tableOptions } from '../engineDdl';

/**
 * Per-day totals per municipality × category, kept exact by triggers on time_entries.
 *
 * SQLite has no hash aggregation: summing a year's entries per municipality × category reads every
 * entry and costs about four times a bare count of them. The annual statistics read this table
 * instead — at most one row per municipality, category and day — so they stay fast however many
 * years of entries the file holds. Participants change `participant_count` on time_entries, which
 * fires the update trigger, so person-minutes stay exact too. Derived data: the backfill at the end of
 * `up` rebuilds it from time_entries, and a test compares the two after random writes.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await createDailyTotalsTable(db);

  await sql`create trigger time_totals_after_insert after insert on time_entries begin
    ${addNew}
  end`.execute(db);
  await sql`create trigger time_totals_after_delete after delete on time_entries begin
    ${removeOld}
  end`.execute(db);
  await sql`create trigger time_totals_after_update
    after update of entry_date, municipality_id, category_id, minutes, participant_count on time_entries begin
    ${removeOld}
    ${addNew}
  end`.execute(db);

  await backfillDailyTotals(db);
}

const addNew = sql.raw(`insert into time_totals_daily (municipality_id, category_id, entry_date, entries, minutes, person_minutes)
    values (new.municipality_id, new.category_id, new.entry_date, 1, new.minutes, new.minutes * new.participant_count)
    on conflict (municipality_id, category_id, entry_date) do update set
      entries = entries + 1,
      minutes = minutes + excluded.minutes,
      person_minutes = person_minutes + excluded.person_minutes;`);

const removeOld = sql.raw(`update time_totals_daily set
      entries = entries - 1,
      minutes = minutes - old.minutes,
      person_minutes = person_minutes - old.minutes * old.participant_count
    where municipality_id = old.municipality_id and category_id = old.category_id and entry_date = old.entry_date;`);

/** The totals table; the PostgreSQL schema creates the same (engineDdl.ts drops SQLite's table option there). */
export async function createDailyTotalsTable(db: Kysely<any>): Promise<void> {
  await sql`create table time_totals_daily (
    municipality_id integer not null,
    category_id integer not null,
    entry_date text not null,
    entries integer not null,
    minutes integer not null,
    person_minutes integer not null,
    primary key (municipality_id, category_id, entry_date)
  )${tableOptions(db, 'without rowid')}`.execute(db);
}

/** Fills the totals from the entries already there; the PostgreSQL schema runs the same. */
export async function backfillDailyTotals(db: Kysely<any>): Promise<void> {
  await sql`insert into time_totals_daily (municipality_id, category_id, entry_date, entries, minutes, person_minutes)
    select municipality_id, category_id, entry_date, count(*), sum(minutes), sum(minutes * participant_count)
      from time_entries group by municipality_id, category_id, entry_date`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migration 0002 cannot be reversed; restore a backup instead.');
}
