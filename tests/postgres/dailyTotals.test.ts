import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../electron/db/schema';
import { createRandom } from '../../electron/cli/demo/random';
import { freshPostgresDatabase, type TestPostgresDatabase } from '../support/postgresDatabase';

/**
 * Migrations 0002, 0017 and 0018 on PostgreSQL: the totals the PL/pgSQL triggers keep (per day, per case, and
 * the participants' copies of their entry) must equal a fresh computation from the entries (participants
 * counted from their own table) after any mix of inserts, updates, case moves and deletes — also when several
 * connections write at the same time, as several PCs on one server will.
 */
const NOW = '2020-06-15T10:00:00.000Z';
const DATES = ['2020-01-31', '2020-02-01', '2020-06-15', '2021-12-31'];

async function keptAndFresh(kysely: Kysely<DB>): Promise<{ kept: unknown[]; fresh: unknown[] }> {
  const kept = await sql`select municipality_id, category_id, entry_date, entries, minutes, person_minutes from time_totals_daily
     where entries <> 0 or minutes <> 0 or person_minutes <> 0 order by 1, 2, 3`.execute(kysely);
  const fresh = await sql`select t.municipality_id, t.category_id, t.entry_date, count(*) as entries, sum(t.minutes) as minutes,
       sum(t.minutes * (select count(*) from time_entry_participants p where p.time_entry_id = t.id)) as person_minutes
     from time_entries t group by 1, 2, 3 order by 1, 2, 3`.execute(kysely);
  return { kept: kept.rows, fresh: fresh.rows };
}

/**
 * Runs one write transaction again when PostgreSQL breaks a deadlock (40P01) or a serialization conflict
 * (40001) by aborting it, as the app's transaction helper is to do: two writers moving entries between the
 * same cases lock the cases' rows in opposite orders, and the server aborts one of them with nothing written.
 */
async function withRetry<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (attempt >= 8 || (code !== '40P01' && code !== '40001')) throw error;
      await new Promise((done) => setTimeout(done, Math.random() * 20 * attempt));
    }
  }
}

/** Each case's kept minutes (0017) and each participant row's copies (0018), beside the same figures computed afresh. */
async function derivedKeptAndFresh(kysely: Kysely<DB>): Promise<{ kept: unknown[]; fresh: unknown[] }> {
  const kept = await sql`select 'case' as kind, id, 0 as member, logged_minutes as a, 0 as b from cases
     union all select 'participant', time_entry_id, team_member_id, entry_minutes, entry_participants from time_entry_participants
     order by 1, 2, 3`.execute(kysely);
  const fresh = await sql`select 'case' as kind, c.id, 0 as member,
       coalesce((select sum(t.minutes) from time_entries t where t.case_id = c.id), 0) as a, 0 as b from cases c
     union all select 'participant', p.time_entry_id, p.team_member_id, t.minutes,
       (select count(*) from time_entry_participants q where q.time_entry_id = t.id)
       from time_entry_participants p join time_entries t on t.id = p.time_entry_id
     order by 1, 2, 3`.execute(kysely);
  return { kept: kept.rows, fresh: fresh.rows };
}

async function expectAllExact(kysely: Kysely<DB>): Promise<void> {
  const totals = await keptAndFresh(kysely);
  expect(totals.kept).toEqual(totals.fresh);
  const derived = await derivedKeptAndFresh(kysely);
  expect(derived.kept).toEqual(derived.fresh);
}

describe('daily totals on PostgreSQL', () => {
  let db: TestPostgresDatabase;
  let municipalities: number[];
  let categories: number[];
  let members: number[];
  let cases: (number | null)[];

  beforeAll(async () => {
    db = await freshPostgresDatabase();
    municipalities = (await sql<{ id: number }>`select id from municipalities order by id limit 4`.execute(db.kysely)).rows.map((r) => r.id);
    categories = (await sql<{ id: number }>`select id from categories order by id limit 3`.execute(db.kysely)).rows.map((r) => r.id);
    members = [];
    for (const name of ['a', 'b', 'c']) {
      const row = await sql<{ id: number }>`insert into team_members (username, display_name, initials, role, created_at)
        values (${name}, ${name}, 'XX', 'teammedlem', ${NOW}) returning id`.execute(db.kysely);
      members.push(row.rows[0]!.id);
    }
    // Entries without a case (null) and on three cases, so moves between cases and off a case are covered.
    cases = [null];
    for (const running of [1, 2, 3]) {
      const row = await sql<{ id: number }>`insert into cases (code, municipality_id, year, running_number, status, created_at, updated_at)
        values (${`0${running}/20-T`}, ${municipalities[0]}, 2020, ${running}, 'oppfolging', ${NOW}, ${NOW}) returning id`.execute(db.kysely);
      cases.push(row.rows[0]!.id);
    }
  });
  afterAll(() => db.drop());

  /** One writer's random run over its own entries; each step is its own short transaction. */
  async function randomWrites(seed: number, steps: number): Promise<void> {
    // The demo's seeded generator, so a failure can be replayed from its seed.
    const random = createRandom(seed);
    const next = random.next;
    const pick = <T>(values: T[]): T => random.pick(values);
    const mine: number[] = [];
    for (let step = 0; step < steps; step++) {
      const roll = next();
      await withRetry(() =>
        db.kysely.transaction().execute(async (trx) => {
          if (mine.length === 0 || roll < 0.4) {
            const row = await sql<{
              id: number;
            }>`insert into time_entries (entry_date, municipality_id, category_id, case_id, minutes, source, created_at, updated_at)
            values (${pick(DATES)}, ${pick(municipalities)}, ${pick(categories)}, ${pick(cases)}, ${30 * (1 + Math.floor(next() * 8))}, 'manual', ${NOW}, ${NOW})
            returning id`.execute(trx);
            mine.push(row.rows[0]!.id);
          } else if (roll < 0.6) {
            await sql`update time_entries set entry_date = ${pick(DATES)}, municipality_id = ${pick(municipalities)},
            category_id = ${pick(categories)}, case_id = ${pick(cases)}, minutes = ${30 * (1 + Math.floor(next() * 8))} where id = ${pick(mine)}`.execute(trx);
          } else if (roll < 0.65) {
            // A move to another case (or off one) alone: the case totals move, the daily totals stay.
            await sql`update time_entries set case_id = ${pick(cases)} where id = ${pick(mine)}`.execute(trx);
          } else if (roll < 0.7) {
            // An update that touches no counted column must leave the totals alone.
            await sql`update time_entries set updated_at = ${NOW} where id = ${pick(mine)}`.execute(trx);
          } else if (roll < 0.85) {
            await sql`insert into time_entry_participants (time_entry_id, team_member_id) values (${pick(mine)}, ${pick(members)})
            on conflict do nothing`.execute(trx);
          } else if (roll < 0.93) {
            await sql`delete from time_entry_participants where time_entry_id = ${pick(mine)} and team_member_id = ${pick(members)}`.execute(trx);
          } else {
            const id = mine.splice(Math.floor(next() * mine.length), 1)[0]!;
            await sql`delete from time_entries where id = ${id}`.execute(trx);
          }
        }),
      );
    }
  }

  it('equal a fresh aggregate after random inserts, updates and deletes', async () => {
    await randomWrites(19, 300);
    const { fresh } = await keptAndFresh(db.kysely);
    expect(fresh.length).toBeGreaterThan(5);
    const casesWithMinutes = await sql<{ n: number }>`select count(*) as n from cases where logged_minutes > 0`.execute(db.kysely);
    expect(casesWithMinutes.rows[0]!.n).toBeGreaterThan(0);
    await expectAllExact(db.kysely);
  });

  it('stay exact with four connections writing at the same time', async () => {
    await Promise.all([101, 102, 103, 104].map((seed) => randomWrites(seed, 150)));
    await expectAllExact(db.kysely);
  });

  it('roll back with the entry when its transaction fails', async () => {
    const before = [await keptAndFresh(db.kysely), await derivedKeptAndFresh(db.kysely)];
    await expect(
      db.kysely.transaction().execute(async (trx) => {
        await sql`insert into time_entries (entry_date, municipality_id, category_id, minutes, source, created_at, updated_at)
          values ('2020-02-01', ${municipalities[0]}, ${categories[0]}, 60, 'manual', ${NOW}, ${NOW})`.execute(trx);
        throw new Error('avbrutt');
      }),
    ).rejects.toThrow('avbrutt');
    expect([await keptAndFresh(db.kysely), await derivedKeptAndFresh(db.kysely)]).toEqual(before);
  });
});
