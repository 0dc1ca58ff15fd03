import pg from 'pg';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freshPostgresDatabase, type TestPostgresDatabase } from '../support/postgresDatabase';

describe('the test server and the connection', () => {
  let db: TestPostgresDatabase;
  beforeAll(async () => {
    db = await freshPostgresDatabase({ migrate: false });
  });
  afterAll(() => db.drop());

  it('stores passwords as SCRAM and asks for SCRAM on every host line', async () => {
    const setting = await sql<{ value: string }>`select current_setting('password_encryption') as value`.execute(db.kysely);
    expect(setting.rows[0]!.value).toBe('scram-sha-256');
    const rules = await sql<{ type: string; auth_method: string }>`select type, auth_method from pg_hba_file_rules where type like 'host%'`.execute(db.kysely);
    expect(rules.rows.length).toBeGreaterThan(0);
    for (const rule of rules.rows) expect(rule.auth_method).toBe('scram-sha-256');
    const stored = await sql<{ scram: boolean }>`select rolpassword like 'SCRAM-SHA-256$%' as scram from pg_authid where rolname = current_user`.execute(
      db.kysely,
    );
    expect(stored.rows[0]!.scram).toBe(true);
  });

  it('listens on loopback only', async () => {
    const listen = await sql<{ value: string }>`select current_setting('listen_addresses') as value`.execute(db.kysely);
    expect(listen.rows[0]!.value).toBe('127.0.0.1');
  });

  it('refuses a wrong password', async () => {
    const url = new URL(inject('postgresAdminUrl'));
    url.password = 'feil-passord';
    const client = new pg.Client({ connectionString: url.toString() });
    await expect(client.connect()).rejects.toThrow(/password authentication failed/);
  });

  it('returns int8 counts and numeric sums as numbers, not strings', async () => {
    const result = await sql<{ n: unknown; total: unknown; big: unknown; average: unknown }>`select count(*) as n,
      sum(x::bigint) as total, 9007199254740991::bigint as big, avg(x) as average
      from generate_series(1, 4) as x`.execute(db.kysely);
    expect(result.rows[0]).toEqual({ n: 4, total: 10, big: Number.MAX_SAFE_INTEGER, average: 2.5 });
  });

  it('refuses an int8 too large to hold exactly instead of rounding it', async () => {
    await expect(sql`select 9007199254740993::bigint as big`.execute(db.kysely)).rejects.toThrow(/for stort/);
  });
});
