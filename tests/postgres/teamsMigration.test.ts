import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRowHash, GENESIS_HASH, verifyChain, type ChainedAuditRow } from '../../electron/db/auditChain';
import { openPostgres, type PostgresConnection } from '../../electron/db/postgres/connect';
import { migratePostgres } from '../../electron/db/postgres/migrate';
import { POSTGRES_MIGRATIONS } from '../../electron/db/postgres/migrations';
import { TEAM_NAME_SETTING } from '../../electron/db/postgres/roles';
import { POSTGRES_ONLY_TABLES, TEAM_COLUMN } from '../../electron/db/postgres/teamSchema';
import { asServerAdmin, freshPostgresDatabase, type TestPostgresDatabase } from '../support/postgresDatabase';

/**
 * Migration 0019 on a database that already holds a team's rows: they all become the first team's (named by
 * the owner's setting), the derived totals are rebuilt per team, and the audit chain stays whole and
 * append-only. On an empty database it makes no team and leaves no seeds without one.
 */
const NOW = '2020-06-15T10:00:00.000Z';
const BEFORE_TEAMS = Object.fromEntries(Object.entries(POSTGRES_MIGRATIONS).filter(([name]) => name < '0019'));

describe('migration 0019 (teams) on PostgreSQL', () => {
  let db: TestPostgresDatabase;
  let migrated: PostgresConnection;

  beforeAll(async () => {
    db = await freshPostgresDatabase({ migrate: false });
    await migratePostgres(db.kysely, BEFORE_TEAMS);
    const k = db.kysely;
    const member = (
      await sql<{ id: number }>`insert into team_members (username, display_name, initials, role, created_at)
        values ('leder', 'Leder Lund', 'LL', 'administrator', ${NOW}) returning id`.execute(k)
    ).rows[0]!.id;
    const municipality = (await sql<{ id: number }>`select min(id) as id from municipalities`.execute(k)).rows[0]!.id;
    const category = (await sql<{ id: number }>`select min(id) as id from categories`.execute(k)).rows[0]!.id;
    const caseId = (
      await sql<{ id: number }>`insert into cases (code, municipality_id, year, running_number, status, created_at, updated_at)
        values ('01/20-FA', ${municipality}, 2020, 1, 'oppfolging', ${NOW}, ${NOW}) returning id`.execute(k)
    ).rows[0]!.id;
    const entry = (
      await sql<{ id: number }>`insert into time_entries (entry_date, case_id, municipality_id, category_id, minutes, source, created_at, updated_at)
        values ('2020-06-15', ${caseId}, ${municipality}, ${category}, 90, 'manual', ${NOW}, ${NOW}) returning id`.execute(k)
    ).rows[0]!.id;
    await sql`insert into time_entry_participants (time_entry_id, team_member_id) values (${entry}, ${member})`.execute(k);
    let prev = GENESIS_HASH;
    for (const id of [1, 2]) {
      const row = { id, at: NOW, actor_id: member, action: 'create', record_type: 'case', record_id: String(caseId), fields: '[]', prev_hash: prev };
      const hash = auditRowHash(row);
      await sql`insert into audit_log (id, at, actor_id, action, record_type, record_id, fields, prev_hash, hash)
        values (${id}, ${NOW}, ${member}, 'create', 'case', ${String(caseId)}, '[]', ${prev}, ${hash})`.execute(k);
      prev = hash;
    }
    // The owner names the team its rows become, for the migrating sessions.
    const name = new URL(db.url).pathname.slice(1);
    await asServerAdmin(`alter database ${name} set ${TEAM_NAME_SETTING} = 'Ettervern Salten'`);
    migrated = openPostgres(db.url, { max: 2 });
    await migratePostgres(migrated.kysely);
  });
  afterAll(async () => {
    await migrated.close();
    await db.drop();
  });

  it('makes every row of every team table the first team’s, named by the owner', async () => {
    const teams = await sql<{ id: number; name: string }>`select id, name from teams`.execute(migrated.kysely);
    expect(teams.rows.map((t) => t.name)).toEqual(['Ettervern Salten']);
    const tables = await sql<{ table_name: string }>`select c.table_name from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
      where c.table_schema = 'public' and c.column_name = ${TEAM_COLUMN}`.execute(migrated.kysely);
    let rows = 0;
    for (const { table_name: table } of tables.rows.filter((t) => !(t.table_name in POSTGRES_ONLY_TABLES))) {
      const counts = await sql<{ all: number; other: number }>`select count(*) as all,
        count(*) filter (where team_id is distinct from ${teams.rows[0]!.id}) as other from ${sql.table(table)}`.execute(migrated.kysely);
      expect({ table, other: counts.rows[0]!.other }).toEqual({ table, other: 0 });
      rows += counts.rows[0]!.all;
    }
    // The rows written above, and the seeds the team keeps (life domains, populations).
    expect(rows).toBeGreaterThan(20);
  });

  it('rebuilds the daily totals per team, and keeps the audit chain whole and append-only', async () => {
    const totals = await sql`select team_id, entry_date, entries, minutes, person_minutes from time_totals_daily`.execute(migrated.kysely);
    const team = (await sql<{ id: number }>`select id from teams`.execute(migrated.kysely)).rows[0]!.id;
    expect(totals.rows).toEqual([{ team_id: team, entry_date: '2020-06-15', entries: 1, minutes: 90, person_minutes: 90 }]);
    const audit = await sql<ChainedAuditRow>`select id, at, actor_id, action, record_type, record_id, fields, prev_hash, hash
      from audit_log order by id`.execute(migrated.kysely);
    expect(verifyChain(audit.rows)).toEqual({ ok: true, rows: 2 });
    await expect(sql`update audit_log set action = 'endret'`.execute(migrated.kysely)).rejects.toThrow(/audit_log er skrivebeskyttet/);
  });

  it('makes no team on an empty database, and leaves no seeded rows without one', async () => {
    const empty = await freshPostgresDatabase({ migrate: false });
    try {
      await migratePostgres(empty.kysely);
      const counts = await sql<{ teams: number; domains: number; populations: number }>`select (select count(*) from teams) as teams,
        (select count(*) from life_domains) as domains, (select count(*) from municipality_years) as populations`.execute(empty.kysely);
      expect(counts.rows).toEqual([{ teams: 0, domains: 0, populations: 0 }]);
    } finally {
      await empty.drop();
    }
  });
});
