import { sql, type Kysely, type RawBuilder } from 'kysely';
import { backfillDailyTotals, createDailyTotalsTable } from '../../migrations/0002-daily-totals';

/**
 * PostgreSQL's 0002 (see electron/db/migrations/0002-daily-totals.ts): the per-day totals per municipality ×
 * category, kept exact by one PL/pgSQL trigger on time_entries. The update trigger fires only when a column
 * the totals depend on changes, as SQLite's `after update of …` does.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await createDailyTotalsTable(db);

  await sql`create function time_totals_keep() returns trigger language plpgsql as $$
    ${totalsKeepBody(['municipality_id', 'category_id', 'entry_date'])}
    $$`.execute(db);
  await sql`create trigger time_totals_after_insert after insert on time_entries
    for each row execute function time_totals_keep()`.execute(db);
  await sql`create trigger time_totals_after_delete after delete on time_entries
    for each row execute function time_totals_keep()`.execute(db);
  await sql`create trigger time_totals_after_update
    after update of entry_date, municipality_id, category_id, minutes, participant_count on time_entries
    for each row execute function time_totals_keep()`.execute(db);

  await backfillDailyTotals(db);
}

/**
 * The trigger function's body for totals kept per `keys` (the columns shared by time_entries and
 * time_totals_daily that key a totals row); migration 0019 puts the team in front.
 */
export function totalsKeepBody(keys: readonly string[]): RawBuilder<unknown> {
  const sameOld = keys.map((key) => `${key} = old.${key}`).join(' and ');
  return sql.raw(`begin
      if tg_op in ('DELETE', 'UPDATE') then
        update time_totals_daily set
            entries = entries - 1,
            minutes = minutes - old.minutes,
            person_minutes = person_minutes - old.minutes * old.participant_count
          where ${sameOld};
      end if;
      if tg_op in ('INSERT', 'UPDATE') then
        insert into time_totals_daily as t (${keys.join(', ')}, entries, minutes, person_minutes)
          values (${keys.map((key) => `new.${key}`).join(', ')}, 1, new.minutes, new.minutes * new.participant_count)
          on conflict (${keys.join(', ')}) do update set
            entries = t.entries + 1,
            minutes = t.minutes + excluded.minutes,
            person_minutes = t.person_minutes + excluded.person_minutes;
      end if;
      return null;
    end`);
}

export async function down(): Promise<void> {
  throw new Error('Migration 0002 cannot be reversed; restore a backup instead.');
}
