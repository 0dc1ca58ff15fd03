import { sql, type Kysely } from 'kysely';
import { seedPopulations } from '../../migrations/0009-cost-share';
import { REAL } from '../engineSql';

/**
 * PostgreSQL's 0009 (see electron/db/migrations/0009-cost-share.ts): populations, extra hours and the cost
 * models' parameters, seeded by the same function as on SQLite.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table municipality_years (
    municipality_id integer not null references municipalities (id) on delete restrict,
    year integer not null check (year between 2000 and 2100),
    population integer check (population >= 0),
    extra_hours ${REAL} not null default 0 check (extra_hours >= 0),
    updated_at text not null,
    updated_by integer references team_members (id) on delete restrict,
    primary key (municipality_id, year)
  )`.execute(db);

  await sql`create table cost_share_years (
    year integer primary key check (year between 2000 and 2100),
    budget integer not null check (budget >= 0),
    base_amount integer not null check (base_amount >= 0),
    band_rate_1 ${REAL} not null check (band_rate_1 >= 0),
    band_rate_2 ${REAL} not null check (band_rate_2 >= 0),
    band_rate_3 ${REAL} not null check (band_rate_3 >= 0),
    band_rate_4 ${REAL} not null check (band_rate_4 >= 0),
    hourly_rate ${REAL} not null check (hourly_rate >= 0),
    updated_at text not null,
    updated_by integer references team_members (id) on delete restrict
  )`.execute(db);

  await seedPopulations(db);
}

export async function down(): Promise<void> {
  throw new Error('Migration 0009 cannot be reversed; restore a backup instead.');
}
