import { sql, type Kysely } from 'kysely';
import { DISCLOSURE_THRESHOLD } from '@shared/domain/disclosureControl';
import { APP_ROLE, REGION_ROLE } from '../../roles';
import { REGION_VIEWS } from '../../teamSchema';

/**
 * The region's figures: views that run as their owner and aggregate every team. The tables they read let a
 * region session's rows through a select-only policy; the region holds no privilege on those tables, so
 * only the views reach them, and the app's role holds none on the views.
 *
 * The small-number rule (shared/domain/disclosureControl.ts) is applied here, so a hidden figure never
 * leaves the server: a cell of hours and entries built from 1–4 cases, and a case count of 1–4, come out
 * as null with `hidden` true. No totals are published beside them, so nothing can be worked out from a
 * hidden cell (the region can add up the shown cells, which reveals nothing hidden). The threshold is
 * written into the views when they are created: a change of DISCLOSURE_THRESHOLD needs a migration that
 * recreates them.
 */
export async function createRegionViews(db: Kysely<any>): Promise<void> {
  const regionRead = sql.raw(`(select ettervern_session_is_region())`);
  // For the views' owner only (a view reads its tables as its owner): a member's queries never carry this
  // policy's «or», so their own team's condition stays an index condition.
  for (const table of ['teams', 'time_entries', 'cases']) {
    await sql`create policy region_aggregates on ${sql.table(table)} for select to current_user using (${regionRead})`.execute(db);
  }
  const threshold = sql.lit(DISCLOSURE_THRESHOLD);
  await sql`create view region_hours as
    with cells as (
      select e.team_id, e.municipality_id, e.category_id, substr(e.entry_date, 1, 4)::integer as year,
             count(*) as entries, sum(e.minutes) as minutes, count(distinct e.case_id) as cases
        from time_entries e group by 1, 2, 3, 4
    )
    select t.name as team, m.name as municipality, c.name as category, cells.year,
           case when cells.cases between 1 and ${threshold} - 1 then null else round(cells.minutes / 60.0, 1)::double precision end as hours,
           case when cells.cases between 1 and ${threshold} - 1 then null else cells.entries::integer end as entries,
           cells.cases between 1 and ${threshold} - 1 as hidden
      from cells join teams t on t.id = cells.team_id join municipalities m on m.id = cells.municipality_id
      join categories c on c.id = cells.category_id`.execute(db);
  // A case counts in a year when it was referred then or had time logged then (caseFigures.ts's «total»).
  await sql`create view region_cases as
    with case_years as (
      select c.team_id, c.municipality_id, c.id, substr(c.referral_date, 1, 4)::integer as year from cases c
       where c.referral_date is not null
      union
      select c.team_id, c.municipality_id, c.id, substr(e.entry_date, 1, 4)::integer from time_entries e join cases c on c.id = e.case_id
    ), cells as (
      select team_id, municipality_id, year, count(*) as cases from case_years group by 1, 2, 3
    )
    select t.name as team, m.name as municipality, cells.year,
           case when cells.cases < ${threshold} then null else cells.cases::integer end as cases,
           cells.cases < ${threshold} as hidden
      from cells join teams t on t.id = cells.team_id join municipalities m on m.id = cells.municipality_id`.execute(db);
  for (const view of REGION_VIEWS) {
    await sql.raw(`revoke all on ${view} from public, ${APP_ROLE}`).execute(db);
    await sql.raw(`grant select on ${view} to ${REGION_ROLE}`).execute(db);
  }
}
