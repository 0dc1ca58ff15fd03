import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../electron/db/migrations';
import { migratePostgres } from '../../electron/db/postgres/migrate';
import { migrationsMissingOnPostgres, POSTGRES_MIGRATIONS, POSTGRES_ONLY_MIGRATIONS } from '../../electron/db/postgres/migrations';
import { freshPostgresDatabase, type TestPostgresDatabase } from '../support/postgresDatabase';

describe('PostgreSQL migrations', () => {
  let db: TestPostgresDatabase;
  beforeAll(async () => {
    db = await freshPostgresDatabase({ migrate: false });
  });
  afterAll(() => db.drop());

  const allNames = [...Object.keys(MIGRATIONS), ...Object.keys(POSTGRES_ONLY_MIGRATIONS)].sort();

  it('has one migration under each SQLite migration name, and besides only the declared PostgreSQL-only ones', () => {
    expect(migrationsMissingOnPostgres()).toEqual([]);
    expect(Object.keys(POSTGRES_MIGRATIONS).sort()).toEqual(allNames);
    for (const name of Object.keys(POSTGRES_ONLY_MIGRATIONS)) expect(MIGRATIONS[name], name).toBeUndefined();
  });

  it('applies every migration, in name order, on an empty database', async () => {
    await migratePostgres(db.kysely);
    const applied = await sql<{ name: string }>`select name from kysely_migration order by timestamp, name`.execute(db.kysely);
    expect(applied.rows.map((r) => r.name)).toEqual(allNames);
  });

  it('seeds the same reference data as SQLite (municipalities, categories, and a new team its life domains and populations)', async () => {
    await sql`select ettervern_create_team('Nytt team')`.execute(db.kysely);
    const counts = await sql<{ municipalities: number; categories: number; life_domains: number; municipality_years: number }>`select
      (select count(*) from municipalities) as municipalities,
      (select count(*) from categories) as categories,
      (select count(*) from life_domains) as life_domains,
      (select count(*) from municipality_years) as municipality_years`.execute(db.kysely);
    const row = counts.rows[0]!;
    // Counts come back as numbers (int8 parsed), and every seeded table has rows.
    for (const value of Object.values(row)) {
      expect(typeof value).toBe('number');
      expect(value).toBeGreaterThan(0);
    }
  });

  it('runs again as a no-op: nothing pending, nothing applied twice', async () => {
    await migratePostgres(db.kysely);
    const applied = await sql<{ n: number }>`select count(*) as n from kysely_migration`.execute(db.kysely);
    expect(applied.rows[0]!.n).toBe(allNames.length);
  });

  it('rolls the whole batch back when one migration fails, leaving an empty schema', async () => {
    const other = await freshPostgresDatabase({ migrate: false });
    try {
      const broken = { ...POSTGRES_MIGRATIONS, '0003-settings': { up: () => Promise.reject(new Error('brutt med vilje')) } };
      await expect(migratePostgres(other.kysely, broken)).rejects.toThrow(/0003-settings/);
      const tables = await sql<{ n: number }>`select count(*) as n from information_schema.tables
        where table_schema = 'public' and table_name not like 'kysely%'`.execute(other.kysely);
      expect(tables.rows[0]!.n).toBe(0);
    } finally {
      await other.drop();
    }
  });
});
