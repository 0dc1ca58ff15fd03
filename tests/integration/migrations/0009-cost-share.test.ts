import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase, type AppDatabase } from '../../../electron/db/open';
import { POPULATION_SEED_YEARS } from '@shared/domain/populationSeed';
import { makeTempDir } from '../../support/testDatabase';

/** Migration 0009: populations per member and year (seeded), and the year's budget and model parameters. */
let temp: ReturnType<typeof makeTempDir>;
let db: AppDatabase;

beforeEach(async () => {
  temp = makeTempDir();
  db = await openDatabase(join(temp.dir, 'm0009.sqlite'));
});
afterEach(() => {
  db.close();
  temp.cleanup();
});

describe('0009-cost-share', () => {
  it('seeds a population for each of the nine members in every seed year, and none for the non-members', () => {
    const rows = db.sqlite
      .prepare(
        `select m.name, m.kind, count(y.year) as years, min(y.population) as smallest from municipalities m
         left join municipality_years y on y.municipality_id = m.id group by m.id order by m.sort_order`,
      )
      .all() as { name: string; kind: string; years: number; smallest: number | null }[];
    expect(rows.filter((r) => r.kind === 'member').every((r) => r.years === POPULATION_SEED_YEARS.length && r.smallest! > 900)).toBe(true);
    expect(rows.filter((r) => r.kind !== 'member').map((r) => r.years)).toEqual([0, 0]);
    const fauske = db.sqlite
      .prepare("select y.population from municipality_years y join municipalities m on m.id = y.municipality_id where m.name = 'Fauske' and y.year = 2020")
      .get();
    expect(fauske).toEqual({ population: 9800 });
  });

  it('refuses negative populations, extra hours and budgets, and a second row for the same year', () => {
    const now = '2024-01-01T00:00:00.000Z';
    const fauske = (db.sqlite.prepare("select id from municipalities where name = 'Fauske'").get() as { id: number }).id;
    expect(() =>
      db.sqlite.prepare('insert into municipality_years (municipality_id, year, population, updated_at) values (?, 2030, -1, ?)').run(fauske, now),
    ).toThrow(/CHECK/);
    expect(() =>
      db.sqlite
        .prepare('insert into municipality_years (municipality_id, year, population, extra_hours, updated_at) values (?, 2030, 5, -2, ?)')
        .run(fauske, now),
    ).toThrow(/CHECK/);
    const insertYear = db.sqlite.prepare(
      `insert into cost_share_years (year, budget, base_amount, band_rate_1, band_rate_2, band_rate_3, band_rate_4, hourly_rate, updated_at)
       values (2030, ?, 0, 1, 1, 1, 1, 0, ?)`,
    );
    expect(() => insertYear.run(-5, now)).toThrow(/CHECK/);
    insertYear.run(1000, now);
    expect(() => insertYear.run(2000, now)).toThrow(/UNIQUE|PRIMARY/);
  });
});
