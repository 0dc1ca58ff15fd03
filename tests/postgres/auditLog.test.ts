import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRowHash, GENESIS_HASH } from '../../electron/db/auditChain';
import { openPostgres, type PostgresConnection } from '../../electron/db/postgres/connect';
import { APP_ROLE } from '../../electron/db/postgres/roles';
import { POSTGRES_ONLY_TABLES, SHARED_TABLES } from '../../electron/db/postgres/teamSchema';
import type { DB } from '../../electron/db/schema';
import { freshPostgresDatabase, type TestPostgresDatabase } from '../support/postgresDatabase';
import { createTestTeam, dropRoles, type TestTeam } from '../support/postgresTeams';

/**
 * The audit log on PostgreSQL is append-only twice over: triggers refuse UPDATE, DELETE and TRUNCATE for
 * every role (the owner included), and the app's role is never granted those privileges, so a member's own
 * role is stopped by the server's privilege check before any trigger runs.
 */
const AT = '2020-06-15T10:00:00.000Z';

async function appendChained(kysely: Kysely<DB>, action: string): Promise<number> {
  const last = await sql<{ hash: string }>`select hash from audit_log order by id desc limit 1`.execute(kysely);
  const prev = last.rows[0]?.hash ?? GENESIS_HASH;
  const id = (await sql<{ id: number }>`select coalesce(max(id), 0) + 1 as id from audit_log`.execute(kysely)).rows[0]!.id;
  const row = { id, at: AT, actor_id: null, action, record_type: 'case', record_id: '1', fields: '[]', prev_hash: prev };
  await sql`insert into audit_log (id, at, actor_id, action, record_type, record_id, fields, prev_hash, hash)
    values (${row.id}, ${row.at}, null, ${row.action}, ${row.record_type}, ${row.record_id}, ${row.fields}, ${prev}, ${auditRowHash(row)})`.execute(kysely);
  return id;
}

describe('the audit log on PostgreSQL', () => {
  let db: TestPostgresDatabase;
  let member: PostgresConnection;
  let team: TestTeam;

  beforeAll(async () => {
    db = await freshPostgresDatabase();
    await appendChained(db.kysely, 'create');
    // A member signs in with a role of their own, made by the team's administrator through the server's function.
    team = await createTestTeam(db.url, db.team!);
    member = openPostgres(team.member.url, { max: 1 });
  });
  afterAll(async () => {
    await member.close();
    await db.drop();
    await dropRoles([team.admin.role, team.member.role]);
  });

  it('refuses UPDATE, DELETE and TRUNCATE by its owner (triggers), and leaves the row as it was', async () => {
    await expect(sql`update audit_log set action = 'endret'`.execute(db.kysely)).rejects.toThrow(/audit_log er skrivebeskyttet/);
    await expect(sql`delete from audit_log`.execute(db.kysely)).rejects.toThrow(/audit_log er skrivebeskyttet/);
    await expect(sql`truncate audit_log`.execute(db.kysely)).rejects.toThrow(/audit_log er skrivebeskyttet/);
    const rows = await sql<{ action: string }>`select action from audit_log`.execute(db.kysely);
    expect(rows.rows).toEqual([{ action: 'create' }]);
  });

  it('refuses a row without its place in the hash chain', async () => {
    await expect(sql`insert into audit_log (at, action, record_type) values (${AT}, 'create', 'case')`.execute(db.kysely)).rejects.toThrow(
      /audit_log krever hash-kjede/,
    );
  });

  it("lets a member's role read and append, and refuses its UPDATE, DELETE and TRUNCATE by privilege", async () => {
    await appendChained(member.kysely, 'update');
    const rows = await sql<{ action: string }>`select action from audit_log order by id`.execute(member.kysely);
    expect(rows.rows.map((r) => r.action)).toEqual(['create', 'update']);
    for (const statement of [sql`update audit_log set action = 'endret'`, sql`delete from audit_log`, sql`truncate audit_log`]) {
      await expect(statement.execute(member.kysely)).rejects.toMatchObject({ code: '42501', message: expect.stringMatching(/permission denied/) });
    }
  });

  it("grants the app's role what the other tables need, so the refusal is the audit log's own", async () => {
    const privileges = await sql<{ table: string; update: boolean; delete: boolean; truncate: boolean; insert: boolean }>`select c.relname as table,
        has_table_privilege(${APP_ROLE}, c.oid, 'UPDATE') as update, has_table_privilege(${APP_ROLE}, c.oid, 'DELETE') as delete,
        has_table_privilege(${APP_ROLE}, c.oid, 'TRUNCATE') as truncate, has_table_privilege(${APP_ROLE}, c.oid, 'INSERT') as insert
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind = 'r' and c.relname not like 'kysely%'`.execute(db.kysely);
    for (const row of privileges.rows) {
      const isAudit = row.table === 'audit_log';
      // Shared reference data and the teams are read-only to the app; the role mapping is the server's own.
      const readOnly = row.table in SHARED_TABLES || row.table === 'teams';
      const serverOnly = row.table in POSTGRES_ONLY_TABLES && !readOnly;
      expect({ table: row.table, update: row.update, delete: row.delete, insert: row.insert, truncate: row.truncate }).toEqual({
        table: row.table,
        update: !isAudit && !readOnly && !serverOnly,
        delete: !isAudit && !readOnly && !serverOnly,
        insert: !readOnly && !serverOnly,
        truncate: false,
      });
    }
    await sql`update settings set updated_at = ${AT} where false`.execute(member.kysely);
  });
});
