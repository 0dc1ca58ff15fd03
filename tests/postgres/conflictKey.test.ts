import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conflictKey } from '../../electron/db/dialect';
import { POSTGRES_ONLY_TABLES, TEAM_COLUMN } from '../../electron/db/postgres/teamSchema';
import { freshPostgresDatabase, type TestPostgresDatabase } from '../support/postgresDatabase';

/**
 * conflictKey (electron/db/dialect.ts) names an upsert's conflict target on each engine. On PostgreSQL a team
 * table's keys got the team in front of them (migration 0019) unless they hold a row id or a reference to
 * another team's row, or are server-wide: the helper must name every key exactly as the migrated server has it.
 */
let server: TestPostgresDatabase;
let keys: { table: string; name: string; columns: string[] }[];
beforeAll(async () => {
  server = await freshPostgresDatabase();
  const rows = await sql<{ table: string; name: string; columns: string[] }>`select c.conrelid::regclass::text as table, c.conname as name,
      array(select a.attname::text from unnest(c.conkey) with ordinality k(attnum, n)
            join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum order by k.n) as columns
      from pg_constraint c join pg_namespace n on n.oid = c.connamespace
     where n.nspname = 'public' and c.contype in ('p', 'u') and c.conrelid::regclass::text not like 'kysely_%'
     order by 1, 2`.execute(server.kysely);
  // Left out: the server's own tables, and the (team_id, id) keys 0019 added for the references to point at.
  keys = rows.rows.filter((key) => !(key.table in POSTGRES_ONLY_TABLES) && !key.name.endsWith('_team_row_key'));
});
afterAll(() => server.drop());

const withoutTeam = (columns: readonly string[]) => columns.filter((column) => column !== TEAM_COLUMN);

describe('conflictKey', () => {
  it('names every key of every table as the migrated server has it, from the key as SQLite has it', () => {
    expect(keys.length).toBeGreaterThan(30);
    const named = keys.map((key) => ({ table: key.table, columns: conflictKey({ engine: 'postgres' }, key.table, withoutTeam(key.columns)) }));
    expect(named).toEqual(keys.map((key) => ({ table: key.table, columns: key.columns })));
  });

  it('puts the team in front of the keys the services upsert on, and leaves the SQLite key alone', () => {
    expect(conflictKey({ engine: 'postgres' }, 'cost_share_years', ['year'])).toEqual(['team_id', 'year']);
    expect(conflictKey({ engine: 'postgres' }, 'municipality_years', ['municipality_id', 'year'])).toEqual(['team_id', 'municipality_id', 'year']);
    expect(conflictKey({ engine: 'postgres' }, 'presence', ['instance_id'])).toEqual(['team_id', 'instance_id']);
    // A reference to another team's row already names the team; a user name is unique on the whole server.
    expect(conflictKey({ engine: 'postgres' }, 'case_staff', ['case_id', 'team_member_id'])).toEqual(['case_id', 'team_member_id']);
    expect(conflictKey({ engine: 'postgres' }, 'team_members', ['username'])).toEqual(['username']);
    expect(conflictKey({ engine: 'sqlite' }, 'cost_share_years', ['year'])).toEqual(['year']);
  });

  it('is a target the server accepts: an upsert on it updates the row instead of failing', async () => {
    const upsert = (value: string) =>
      sql`insert into settings (key, value, updated_at) values ('test.key', ${value}, '2020-06-15T10:00:00.000Z')
        on conflict (${sql.join(conflictKey({ engine: 'postgres' }, 'settings', ['key']).map((c) => sql.ref(c)))}) do update set value = excluded.value`.execute(
        server.kysely,
      );
    await upsert('"1"');
    await upsert('"2"');
    const rows = await sql<{ value: string }>`select value from settings where key = 'test.key'`.execute(server.kysely);
    expect(rows.rows).toEqual([{ value: '"2"' }]);
  });
});
