import { sql, type Kysely } from 'kysely';
import { ADD_NEW_MINUTES, BACKFILL_CASE_MINUTES, REMOVE_OLD_MINUTES } from '../../migrations/0017-case-minutes';

/**
 * PostgreSQL's 0017 (see electron/db/migrations/0017-case-minutes.ts): each case's logged minutes kept by one
 * PL/pgSQL trigger on time_entries, with SQLite's own statements for the arithmetic. The update trigger
 * fires only when the case or the minutes change, as SQLite's `after update of … when …` does.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table cases add column logged_minutes integer not null default 0`.execute(db);
  await sql`create index cases_logged_minutes on cases (logged_minutes, id)`.execute(db);

  await sql`create function case_minutes_keep() returns trigger language plpgsql as $$
    begin
      if tg_op in ('DELETE', 'UPDATE') and old.case_id is not null then
        ${REMOVE_OLD_MINUTES}
      end if;
      if tg_op in ('INSERT', 'UPDATE') and new.case_id is not null then
        ${ADD_NEW_MINUTES}
      end if;
      return null;
    end $$`.execute(db);
  await sql`create trigger case_minutes_after_insert after insert on time_entries
    for each row when (new.case_id is not null) execute function case_minutes_keep()`.execute(db);
  await sql`create trigger case_minutes_after_delete after delete on time_entries
    for each row when (old.case_id is not null) execute function case_minutes_keep()`.execute(db);
  await sql`create trigger case_minutes_after_update after update of case_id, minutes on time_entries
    for each row when (old.case_id is distinct from new.case_id or old.minutes <> new.minutes)
    execute function case_minutes_keep()`.execute(db);

  await BACKFILL_CASE_MINUTES.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const trigger of ['case_minutes_after_insert', 'case_minutes_after_delete', 'case_minutes_after_update']) {
    await sql`drop trigger ${sql.raw(trigger)} on time_entries`.execute(db);
  }
  await sql`drop function case_minutes_keep()`.execute(db);
  await sql`drop index cases_logged_minutes`.execute(db);
  await sql`alter table cases drop column logged_minutes`.execute(db);
}
