import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statsForYear } from '../../electron/cli/commands/stats';
import { postgresDb, type Db } from '../../electron/db/engine';
import { openDatabase, type AppDatabase } from '../../electron/db/open';
import type { DB } from '../../electron/db/schema';
import { annualFiguresSnapshot } from '../../electron/services/retention/annualFigures';
import { annualPivot } from '../../electron/services/statistics/annualPivot';
import { caseFigures } from '../../electron/services/statistics/caseFigures';
import { costShare } from '../../electron/services/statistics/costShare';
import { familiarTables } from '../../electron/services/statistics/familiarTables';
import { lastingChange } from '../../electron/services/statistics/lastingChange';
import { pivot } from '../../electron/services/statistics/pivot';
import { RATING_OCCASIONS } from '@shared/domain/caseLife';
import { createRandom } from '../../electron/cli/demo/random';
import { freshPostgresDatabase, type TestPostgresDatabase } from '../support/postgresDatabase';

/**
 * The same rows in a SQLite file and in a PostgreSQL database, and the statistics services on each: every
 * figure must come out the same, and `stats --json` byte for byte. The rows come from one seeded generator
 * inserting through Kysely into both, with Norwegian names (æ, ø, å, «aa») where order matters.
 */
const YEARS = [2022, 2023] as const;
const NOW = '2024-01-15T10:00:00.000Z';
const MEMBERS = ['Åse Mikalsen', 'Øystein Ødegård', 'Aase Berg', 'Ærlig Lund', 'Zara Lie', 'Ola Nordmann', 'Émile Dahl'];

const isoDate = (year: number, dayOfYear: number) => new Date(Date.UTC(year, 0, 1 + dayOfYear)).toISOString().slice(0, 10);
const addDays = (date: string, days: number) => new Date(Date.parse(date) + days * 86_400_000).toISOString().slice(0, 10);

/** Fills a migrated, empty database. The reference rows (municipalities, categories, domains) are the migrations' own. */
async function fill(kysely: Kysely<DB>, seed: number): Promise<void> {
  // The demo's seeded generator, so a difference can be replayed from its seed.
  const { next, pick } = createRandom(seed);
  const municipalities = (await kysely.selectFrom('municipalities').select(['id', 'kind']).orderBy('id').execute()).map((m) => m.id);
  const members = municipalities.filter((_id, i) => i < 9);
  const categories = (await kysely.selectFrom('categories').select('id').where('retired_at', 'is', null).orderBy('id').execute()).map((c) => c.id);
  // The same domains under the same ids on both engines: on PostgreSQL a team's domains are made with the team
  // (migration 0019), after the schema's own were given up, so their ids start later. Nothing refers to them yet.
  const firstDomain = (
    await kysely
      .selectFrom('life_domains')
      .select((eb) => eb.fn.min('id').as('id'))
      .executeTakeFirstOrThrow()
  ).id;
  await kysely
    .updateTable('life_domains')
    .set((eb) => ({ id: eb('id', '-', Number(firstDomain) - 1) }))
    .execute();
  const domains = (await kysely.selectFrom('life_domains').select('id').orderBy('id').execute()).map((d) => d.id);

  await kysely
    .insertInto('team_members')
    .values(
      MEMBERS.map((name, i) => ({
        id: i + 1,
        username: `medlem${i + 1}`,
        display_name: name,
        initials: name
          .split(' ')
          .map((w) => w[0])
          .join(''),
        role: i === 0 ? ('administrator' as const) : ('teammedlem' as const),
        // One who has left: shown only in years where they still had active cases.
        active: i === MEMBERS.length - 1 ? 0 : 1,
        created_at: NOW,
        password_hash: null,
        last_failed_sign_in_at: null,
      })),
    )
    .execute();
  const memberIds = MEMBERS.map((_n, i) => i + 1);

  const cases: { id: number; municipality: number; closed: string | null; start: string | null }[] = [];
  for (const year of YEARS) {
    for (let running = 1; running <= 24; running++) {
      const id = cases.length + 1;
      const municipality = next() < 0.9 ? pick(members) : pick(municipalities);
      const referral = isoDate(year, Math.floor(next() * 330));
      const start = next() < 0.85 ? addDays(referral, Math.floor(next() * 40)) : null;
      const closed = start && next() < 0.6 ? addDays(start, 14 + Math.floor(next() * 300)) : null;
      const rejected = !start && next() < 0.5 ? addDays(referral, 10) : null;
      const institution = next() < 0.3 ? addDays(referral, -Math.floor(next() * 60)) : null;
      await kysely
        .insertInto('cases')
        .values({
          id,
          code: `${String(running).padStart(2, '0')}/${String(year).slice(2)}-ST`,
          municipality_id: municipality,
          year,
          running_number: running,
          status: closed ? 'avsluttet' : rejected ? 'avvist' : start ? 'oppfolging' : 'henvist',
          referral_date: referral,
          start_date: start,
          closed_date: closed,
          rejected_date: rejected,
          institution_from: institution,
          discharge_date: institution && start ? start : null,
          after_contact_date: closed && next() < 0.5 ? addDays(closed, 90) : null,
          created_at: NOW,
          updated_at: NOW,
        })
        .execute();
      const staff = [...new Set([pick(memberIds), pick(memberIds)])];
      await kysely
        .insertInto('case_staff')
        .values(staff.map((member) => ({ case_id: id, team_member_id: member })))
        .execute();
      cases.push({ id, municipality, closed, start });
      if (closed) {
        const rated = domains.filter(() => next() < 0.7);
        const ratings = rated.flatMap((domain) =>
          RATING_OCCASIONS.filter((occasion) => occasion !== 'etteroppfolging' || next() < 0.6).map((occasion) => ({
            case_id: id,
            domain_id: domain,
            occasion,
            level: 1 + Math.floor(next() * 3),
            rated_on: occasion === 'start' ? start! : closed,
            note: null,
          })),
        );
        if (ratings.length > 0) await kysely.insertInto('case_domain_ratings').values(ratings).execute();
      }
    }
  }

  for (let id = 1; id <= 700; id++) {
    const year = pick(YEARS);
    const onCase = next() < 0.7 ? pick(cases) : null;
    const imported = next() < 0.1;
    await kysely
      .insertInto('time_entries')
      .values({
        id,
        entry_date: isoDate(year, Math.floor(next() * 365)),
        case_id: onCase?.id ?? null,
        municipality_id: onCase?.municipality ?? pick(municipalities),
        category_id: pick(categories),
        minutes: 30 * (1 + Math.floor(next() * 10)),
        source: imported ? 'import' : 'manual',
        created_at: NOW,
        created_by: 1,
        updated_at: NOW,
        updated_by: 1,
      })
      .execute();
    // Imported entries name nobody (the old sheet did not say who was there).
    const participants = imported ? [] : [...new Set(Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(memberIds)))];
    if (participants.length > 0) {
      await kysely
        .insertInto('time_entry_participants')
        .values(participants.map((member) => ({ time_entry_id: id, team_member_id: member })))
        .execute();
    }
  }

  for (const [index, year] of YEARS.entries()) {
    const values = {
      budget: 4_000_000 + index * 150_000,
      base_amount: 100_000,
      band_rate_1: 1,
      band_rate_2: 0.8,
      band_rate_3: 0.6,
      band_rate_4: 0.4,
      hourly_rate: 900.5,
    };
    // Replaced rather than upserted: the conflict target differs between the engines (on PostgreSQL every
    // key of a team table starts with the team, migration 0019), the rows left behind do not.
    await kysely.deleteFrom('cost_share_years').where('year', '=', year).execute();
    await kysely
      .insertInto('cost_share_years')
      .values({ year, ...values, updated_at: NOW, updated_by: 1 })
      .execute();
    for (const municipality of members) {
      const figures = { population: 1000 + Math.floor(next() * 20_000), extra_hours: next() < 0.2 ? 12.5 : 0 };
      await kysely.deleteFrom('municipality_years').where('municipality_id', '=', municipality).where('year', '=', year).execute();
      await kysely
        .insertInto('municipality_years')
        .values({ municipality_id: municipality, year, ...figures, updated_at: NOW, updated_by: 1 })
        .execute();
    }
  }
}

let dir: string;
let sqliteFile: AppDatabase;
let server: TestPostgresDatabase;
const engines: Record<'sqlite' | 'postgres', Db> = {} as never;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ettervern-parity-'));
  sqliteFile = await openDatabase(join(dir, 'ettervern.sqlite'));
  server = await freshPostgresDatabase();
  await fill(sqliteFile.kysely, 20260601);
  await fill(server.kysely, 20260601);
  engines.sqlite = sqliteFile;
  engines.postgres = postgresDb(server);
}, 120_000);

afterAll(async () => {
  sqliteFile?.close();
  await server?.drop();
  rmSync(dir, { recursive: true, force: true });
});

async function rowsIn(db: Db, table: 'time_entries' | 'case_domain_ratings'): Promise<number> {
  return Number(
    (
      await db.kysely
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
}

/** Runs one service on both engines. */
async function onBoth<T>(work: (db: Db) => Promise<T>): Promise<{ sqlite: T; postgres: T }> {
  return { sqlite: await work(engines.sqlite), postgres: await work(engines.postgres) };
}

describe('the statistics on SQLite and on PostgreSQL, from the same rows', () => {
  it('start from the same rows', async () => {
    const { sqlite, postgres } = await onBoth(async (db) => ({
      entries: await rowsIn(db, 'time_entries'),
      ratings: await rowsIn(db, 'case_domain_ratings'),
      // The columns both engines have (PostgreSQL's rows also carry their team_id).
      daily: await db.kysely
        .selectFrom('time_totals_daily')
        .select(['municipality_id', 'category_id', 'entry_date', 'entries', 'minutes', 'person_minutes'])
        .orderBy(['municipality_id', 'category_id', 'entry_date'])
        .execute(),
    }));
    expect(sqlite.entries).toBe(700);
    expect(sqlite.ratings).toBeGreaterThan(20);
    expect(postgres.daily).toEqual(sqlite.daily);
  });

  for (const year of YEARS) {
    it(`give byte-identical stats --json for ${year}`, async () => {
      const { sqlite, postgres } = await onBoth((db) => statsForYear(db, year));
      expect(sqlite.hoursByMunicipalityAndCategory.length).toBeGreaterThan(20);
      expect(postgres).toEqual(sqlite);
      expect(JSON.stringify(postgres)).toBe(JSON.stringify(sqlite));
    });

    it(`give the same annual pivot, case figures, familiar tables, lasting change and cost share for ${year}`, async () => {
      const { sqlite, postgres } = await onBoth(async (db) => ({
        annual: await annualPivot({ db }, { year }),
        cases: await caseFigures({ db }, { year }),
        familiar: await familiarTables({ db }, { year }),
        change: await lastingChange({ db }, { year }),
        cost: await costShare({ db }, { year }),
      }));
      expect(sqlite.annual.total.entries).toBeGreaterThan(0);
      expect(sqlite.cases.caseload.length).toBeGreaterThan(3);
      expect(sqlite.change.closedCases).not.toEqual({ kind: 'count', value: 0 });
      expect(sqlite.cost.problems).toEqual([]);
      expect(postgres.annual).toEqual(sqlite.annual);
      expect(postgres.cases).toEqual(sqlite.cases);
      expect(postgres.familiar).toEqual(sqlite.familiar);
      expect(postgres.change).toEqual(sqlite.change);
      expect(postgres.cost).toEqual(sqlite.cost);
    });
  }

  it('give the same pivot by member and by case, the names in Norwegian order (Aase after Zara, Æ Ø Å last)', async () => {
    const period = { from: '2022-03-01', to: '2023-10-31' };
    const { sqlite, postgres } = await onBoth(async (db) => ({
      members: await pivot({ db }, { period, rows: 'member', columns: 'month', measure: 'personHours' }),
      cases: await pivot({ db }, { period, rows: 'case', columns: 'municipality', measure: 'entries' }),
      distinct: await pivot({ db }, { period, rows: 'municipality', columns: 'member', measure: 'cases' }),
    }));
    expect(postgres).toEqual(sqlite);
    const names = sqlite.members.table.rows.map((r) => r.label).filter((label) => MEMBERS.includes(label));
    expect(names).toEqual(
      ['Émile Dahl', 'Ola Nordmann', 'Zara Lie', 'Ærlig Lund', 'Øystein Ødegård', 'Aase Berg', 'Åse Mikalsen'].filter((n) => names.includes(n)),
    );
    expect(names.length).toBeGreaterThanOrEqual(6);
  });

  it('give the same annual figures snapshot (what retention compares before and after)', async () => {
    const { sqlite, postgres } = await onBoth((db) => annualFiguresSnapshot({ db }));
    expect(sqlite.years).toEqual([...YEARS]);
    expect(postgres).toEqual(sqlite);
  });
});
