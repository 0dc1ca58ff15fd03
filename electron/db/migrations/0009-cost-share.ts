import { sql, type Kysely } from 'kysely';
import { POPULATION_SEED } from '@shared/domain/populationSeed';
import { realType, tableOptions } from '../engineDdl';

/**
 * What the municipalities pay: per municipality and year its population and the hours it bought beyond
 * the shared service; per year the budget and the parameters of the founding plan's three cost models.
 * Populations are seeded with approximate SSB figures for the member municipalities (by name, so a
 * database whose municipalities were renamed simply gets fewer rows to fill in by hand).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table municipality_years (
    municipality_id integer not null references municipalities (id) on delete restrict,
    year integer not null check (year between 2000 and 2100),
    population integer check (population >= 0),
    extra_hours ${realType(db)} not null default 0 check (extra_hours >= 0),
    updated_at text not null,
    updated_by integer references team_members (id) on delete restrict,
    primary key (municipality_id, year)
  )${tableOptions(db, 'strict')}`.execute(db);

  await sql`create table cost_share_years (
    year integer primary key check (year between 2000 and 2100),
    budget integer not null check (budget >= 0),
    base_amount integer not null check (base_amount >= 0),
    band_rate_1 ${realType(db)} not null check (band_rate_1 >= 0),
    band_rate_2 ${realType(db)} not null check (band_rate_2 >= 0),
    band_rate_3 ${realType(db)} not null check (band_rate_3 >= 0),
    band_rate_4 ${realType(db)} not null check (band_rate_4 >= 0),
    hourly_rate ${realType(db)} not null check (hourly_rate >= 0),
    updated_at text not null,
    updated_by integer references team_members (id) on delete restrict
  )${tableOptions(db, 'strict')}`.execute(db);

  await seedPopulations(db);
}

/** The member municipalities' seeded populations; the PostgreSQL schema seeds the same. */
export async function seedPopulations(db: Kysely<any>): Promise<void> {
  for (const seed of POPULATION_SEED) {
    // Stamped with the date the figure describes (1 January), so every new database gets identical rows.
    await sql`insert into municipality_years (municipality_id, year, population, updated_at)
      select id, ${seed.year}, ${seed.population}, ${`${seed.year}-01-01T00:00:00.000Z`} from municipalities where name = ${seed.municipality} and kind = 'member'`.execute(
      db,
    );
  }
}

export async function down(): Promise<void> {
  throw new Error('Migration 0009 cannot be reversed; restore a backup instead.');
}
