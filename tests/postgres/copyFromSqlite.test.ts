import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DATA_TABLES } from '@shared/domain/dataTables';
import { verifyChain, type ChainedAuditRow } from '../../electron/db/auditChain';
import { openDatabase } from '../../electron/db/open';
import { migratePostgres } from '../../electron/db/postgres/migrate';
import { copySqliteToPostgres, type CopyStep } from '../../electron/db/postgres/copyFromSqlite/copySqliteToPostgres';
import { createDemoData } from '../../electron/cli/demo/createDemoData';
import { cliInProcess } from '../support/commandLine';
import { scramVerifier } from '../../electron/db/postgres/scramVerifier';
import { asRole, asServerAdmin, freshPostgresDatabase, withDatabase, type TestPostgresDatabase } from '../support/postgresDatabase';
import { dropRoles, queryAs, uniqueUsername } from '../support/postgresTeams';

/**
 * `migrate-to-server` on a real server: a one-year demo database (every kind of row the app writes) plus rows
 * in the tables the demo leaves empty — bytes in a template, text keys with «Å», a member last updated by a
 * member with a higher id, a day whose entries were deleted (its totals row stays, at zero).
 */
const folder = mkdtempSync(join(tmpdir(), 'ettervern-copy-'));
const source = join(folder, 'team.sqlite');
const TEMPLATE_BYTES = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0x80, 0x0a, 0x5c, 0x22]);
const opened: TestPostgresDatabase[] = [];
const TEAM = 'Ettervern Salten';
/** Login roles a test gave (roles outlive databases). */
const loginRoles: string[] = [];
/** What only the server has (teamSchema.ts): left out where rows are compared with the file's. */
const SERVER_ONLY = new Set(['team_id', 'db_role']);

async function emptyServerDatabase(): Promise<TestPostgresDatabase> {
  const db = await freshPostgresDatabase({ migrate: false });
  opened.push(db);
  return db;
}

/** A copy of the source file, changed by `edit` through a plain connection (as someone outside the app would). */
function editedCopy(name: string, edit: (sqlite: Database.Database) => void): string {
  const path = join(folder, name);
  copyFileSync(source, path);
  const sqlite = new Database(path);
  try {
    edit(sqlite);
  } finally {
    sqlite.close();
  }
  return path;
}

/** The error a copy was refused with; a copy that went through fails the test. */
async function failureOf(copy: Promise<unknown>): Promise<Error> {
  const outcome = await copy.then(
    () => null,
    (error: unknown) => error as Error,
  );
  if (outcome === null) throw new Error('the copy was expected to be refused');
  return outcome;
}

type Row = Record<string, unknown>;
const plain = (row: Row): Row => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, Buffer.isBuffer(value) ? value.toString('hex') : value]));

/** Every row of every table on SQLite, in SQLite's own key order, as plain values. */
function sqliteRows(path: string): Record<string, Row[]> {
  const sqlite = new Database(path, { readonly: true });
  try {
    return Object.fromEntries(
      DATA_TABLES.map((table) => {
        const key = (sqlite.prepare('select name from pragma_table_info(?) where pk > 0 order by pk').all(table) as { name: string }[]).map((c) => c.name);
        return [table, (sqlite.prepare(`select * from ${table} order by ${key.join(', ')}`).all() as Row[]).map(plain)];
      }),
    );
  } finally {
    sqlite.close();
  }
}

/** The same from the server, ordered by the same keys with text compared by bytes, as SQLite compares it. */
async function serverRows(db: TestPostgresDatabase): Promise<Record<string, Row[]>> {
  const rows: Record<string, Row[]> = {};
  for (const table of DATA_TABLES) {
    const key = await db.pool.query<{ name: string; type: string }>(
      `select a.attname as name, format_type(a.atttypid, a.atttypmod) as type from pg_index i
         cross join lateral unnest(i.indkey) with ordinality as k(attnum, position)
         join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
        where i.indrelid = $1::regclass and i.indisprimary order by k.position`,
      [table],
    );
    const order = key.rows
      .filter((c) => !SERVER_ONLY.has(c.name))
      .map((c) => `${c.name}${c.type === 'text' ? ' collate "C"' : ''}`)
      .join(', ');
    const rowsOfTable = (await db.pool.query<Row>(`select * from ${table} order by ${order}`)).rows.map(plain);
    rows[table] = rowsOfTable.map((row) => Object.fromEntries(Object.entries(row).filter(([column]) => !SERVER_ONLY.has(column))));
  }
  return rows;
}

async function teamDataRows(db: TestPostgresDatabase): Promise<number> {
  const counts = await db.pool.query<{ rows: number }>(
    `select (select count(*) from cases) + (select count(*) from team_members) + (select count(*) from time_entries)
          + (select count(*) from audit_log) + (select count(*) from time_totals_daily)
          + (select count(*) from teams) + (select count(*) from life_domains) as rows`,
  );
  return counts.rows[0]!.rows;
}

/** Every constraint and index of the schema with its definition, and every trigger with whether it is on. */
async function schemaObjects(db: TestPostgresDatabase): Promise<string[]> {
  const rows = await db.pool.query<{ line: string }>(
    `select c.relname || ' constraint ' || k.conname || ' ' || pg_get_constraintdef(k.oid) as line
       from pg_constraint k join pg_class c on c.oid = k.conrelid where c.relnamespace = 'public'::regnamespace
     union all
     select tablename || ' index ' || indexname || ' ' || indexdef from pg_indexes where schemaname = 'public'
     union all
     select c.relname || ' trigger ' || t.tgname || ' ' || t.tgenabled::text from pg_trigger t join pg_class c on c.oid = t.tgrelid
      where c.relnamespace = 'public'::regnamespace and not t.tgisinternal
     union all
     select relname || ' row security ' || relrowsecurity::text || ' forced ' || relforcerowsecurity::text from pg_class
      where relnamespace = 'public'::regnamespace and relkind = 'r'
     order by 1`,
  );
  return rows.rows.map((row) => row.line);
}

async function publicTables(db: TestPostgresDatabase): Promise<number> {
  return (await db.pool.query<{ n: number }>(`select count(*) as n from pg_tables where schemaname = 'public'`)).rows[0]!.n;
}

beforeAll(async () => {
  const db = await openDatabase(source);
  try {
    await createDemoData({ db }, { toYear: 2020, seed: 5 });
    const sqlite = db.sqlite;
    const at = '2020-12-31T12:00:00.000Z';
    sqlite.prepare('update team_members set updated_by = (select max(id) from team_members), updated_at = ? where id = 1').run(at);
    sqlite
      .prepare(`insert into settings (key, value, updated_at) values ('idle_minutes', '10', ?), ('Ånavn', '"«tekst» \\\\ med \\"sitat\\""', ?)`)
      .run(at, at);
    sqlite
      .prepare(
        `insert into document_templates (kind, version, file_name, content, size_bytes, uploaded_at, is_default) values ('closure-report', 1, 'mal.docx', ?, ?, ?, 1)`,
      )
      .run(TEMPLATE_BYTES, TEMPLATE_BYTES.length, at);
    sqlite
      .prepare(`insert into daily_backup_claims (day, instance_id, claimed_at) values ('2020-12-30', 'instans-1', ?), ('2020-12-31', 'instans-2', ?)`)
      .run(at, at);
    sqlite
      .prepare(
        `insert into presence (instance_id, member_id, machine, opened_at, last_seen_at) values ('Åpen-instans-1', 1, 'PC-1', ?, ?), ('b-instans-2', null, 'PC-2', ?, ?)`,
      )
      .run(at, at, at, at);
    const importId = sqlite
      .prepare(
        `insert into timesheet_imports (imported_at, file_sha256, rows_read, rows_imported, rows_rejected, duplicates_skipped, cases_created) values (?, 'ab', 2, 2, 0, 0, 0)`,
      )
      .run(at).lastInsertRowid;
    sqlite
      .prepare(`insert into timesheet_import_rows (row_key, import_id, time_entry_id) values ('Å-rad', ?, 1), ('a-rad', ?, 2), ('Z-rad', ?, 3)`)
      .run(importId, importId, importId);
    sqlite.prepare(`insert into database_sharing (id, shared_at, shared_by) values (1, ?, 1)`).run(at);
    // Every entry of one day deleted: its totals row stays, at zero, as SQLite's trigger leaves it.
    sqlite.prepare(`delete from time_entries where entry_date = (select min(entry_date) from time_entries)`).run();
  } finally {
    db.close();
  }
}, 120_000);

afterAll(async () => {
  for (const db of opened) await db.drop();
  await dropRoles(loginRoles);
  rmSync(folder, { recursive: true, force: true });
});

describe('copySqliteToPostgres', () => {
  let target: TestPostgresDatabase;
  let summary: Awaited<ReturnType<typeof copySqliteToPostgres>>;

  beforeAll(async () => {
    target = await emptyServerDatabase();
    summary = await copySqliteToPostgres(source, target.url, { team: TEAM });
  }, 120_000);

  it('copies every table of the file, row for row, ids and derived totals included', async () => {
    const expected = sqliteRows(source);
    const actual = await serverRows(target);
    for (const table of DATA_TABLES) expect({ table, rows: actual[table] }).toEqual({ table, rows: expected[table] });
    expect(expected.time_entries!.length).toBeGreaterThan(2000);
    expect(expected.time_totals_daily!.some((row) => row.entries === 0)).toBe(true);
    expect(summary.tables.map((t) => t.table).sort()).toEqual([...DATA_TABLES].sort());
    for (const { table, rows } of summary.tables) expect({ table, rows }).toEqual({ table, rows: expected[table]!.length });
  });

  it('verifies the audit chain on the server as it verified in the file', async () => {
    const rows = (await target.pool.query<ChainedAuditRow>('select * from audit_log order by id')).rows;
    expect(rows.length).toBeGreaterThan(1000);
    expect(verifyChain(rows)).toEqual({ ok: true, rows: rows.length });
    expect(summary.auditRows).toBe(rows.length);
  });

  it('leaves the triggers on and the identities past the copied ids, so the app writes on from there', async () => {
    const entry = (await target.pool.query<{ id: number }>('select max(id) as id from time_entries')).rows[0]!.id;
    const caseRow = (await target.pool.query<{ id: number; logged_minutes: number }>('select id, logged_minutes from cases order by id limit 1')).rows[0]!;
    const inserted = await target.pool.query<{ id: number }>(
      `insert into time_entries (team_id, entry_date, case_id, municipality_id, category_id, minutes, source, created_at, updated_at)
       values ($2, '2030-01-02', $1, 1, 1, 60, 'manual', '2030-01-02T08:00:00Z', '2030-01-02T08:00:00Z') returning id`,
      [caseRow.id, summary.team.id],
    );
    expect(inserted.rows[0]!.id).toBe(entry + 1);
    const totals = await target.pool.query(`select entries, minutes from time_totals_daily where entry_date = '2030-01-02'`);
    expect(totals.rows).toEqual([{ entries: 1, minutes: 60 }]);
    const after = await target.pool.query<{ logged_minutes: number }>('select logged_minutes from cases where id = $1', [caseRow.id]);
    expect(after.rows[0]!.logged_minutes).toBe(caseRow.logged_minutes + 60);
  });

  it('leaves every constraint, index and trigger as the migrations made them', async () => {
    const fresh = await emptyServerDatabase();
    await migratePostgres(fresh.kysely);
    const expected = await schemaObjects(fresh);
    expect(expected.filter((line) => / constraint .* FOREIGN KEY /.test(line)).length).toBeGreaterThan(30);
    expect(await schemaObjects(target)).toEqual(expected);
  });

  it('refuses a server database that is in use, and changes nothing in it', async () => {
    const before = await serverRows(target);
    await expect(copySqliteToPostgres(source, target.url, { team: 'Et annet team' })).rejects.toThrow(
      'Databasen på serveren har allerede et team. En databasefil kan bare flyttes til en ny database uten team',
    );
    expect(await serverRows(target)).toEqual(before);
  });

  it('refuses a database where only a seeded row was changed', async () => {
    const seededOnly = await emptyServerDatabase();
    await migratePostgres(seededOnly.kysely);
    await seededOnly.pool.query(`update categories set description = 'endret' where id = 1`);
    await expect(copySqliteToPostgres(source, seededOnly.url, { team: TEAM })).rejects.toThrow(/allerede i bruk \(tabellen categories har data\)/);
    expect(await teamDataRows(seededOnly)).toBe(0);
  });
});

describe('the team the file becomes', () => {
  let target: TestPostgresDatabase;
  let summary: Awaited<ReturnType<typeof copySqliteToPostgres>>;

  beforeAll(async () => {
    target = await emptyServerDatabase();
    summary = await copySqliteToPostgres(source, target.url, { team: '  Ettervern Salten ' });
  }, 120_000);

  it('is one new team, named as given (trimmed), and every row of every team table is its', async () => {
    const teams = await target.pool.query<{ id: number; name: string }>('select id, name from teams');
    expect(teams.rows).toEqual([{ id: summary.team.id, name: 'Ettervern Salten' }]);
    expect(summary.team).toEqual({ id: teams.rows[0]!.id, name: 'Ettervern Salten' });
    for (const table of DATA_TABLES) {
      const hasTeam = await target.pool.query(`select 1 from pg_attribute where attrelid = $1::regclass and attname = 'team_id'`, [table]);
      if (hasTeam.rows.length === 0) continue;
      const other = await target.pool.query<{ n: number }>(`select count(*) as n from ${table} where team_id is distinct from $1`, [summary.team.id]);
      expect({ table, other: other.rows[0]!.n }).toEqual({ table, other: 0 });
    }
    // The file brings its own life domains; the team was made without the defaults.
    const domains = await target.pool.query<{ n: number }>('select count(*) as n from life_domains');
    expect(domains.rows[0]!.n).toBe(sqliteRows(source).life_domains!.length);
  });

  it('brings the members without login roles, and one is given afterwards with ettervern_give_login', async () => {
    const mapped = await target.pool.query<{ n: number }>('select count(*) as n from team_member_roles');
    expect(mapped.rows[0]!.n).toBe(0);
    const member = (await target.pool.query<{ id: number; username: string }>('select id, username from team_members where active = 1 order by id limit 1'))
      .rows[0]!;
    const client = await target.pool.connect();
    try {
      await client.query('begin');
      await client.query('select set_config($1, $2, true)', ['ettervern.team_id', String(summary.team.id)]);
      await client.query('select ettervern_give_login($1, $2)', [member.id, scramVerifier('et-godt-passord-123')]);
      await client.query('commit');
    } finally {
      client.release();
    }
    const roles = await target.pool.query('select role_name, team_member_id, team_id from team_member_roles');
    expect(roles.rows).toEqual([{ role_name: member.username, team_member_id: member.id, team_id: summary.team.id }]);
    loginRoles.push(member.username);
  });
});

describe('as the database owner who is not a superuser (forced row-level security)', () => {
  const owner = { role: uniqueUsername('eier'), password: randomBytes(12).toString('base64url') };
  const database = `ettervern_copyowner_${randomBytes(5).toString('hex')}`;
  let ownerUrl: string;

  beforeAll(async () => {
    await asServerAdmin(`create role "${owner.role}" login createrole password '${scramVerifier(owner.password)}'`);
    await asServerAdmin(`create database ${database} owner "${owner.role}"`);
    ownerUrl = asRole(withDatabase(inject('postgresAdminUrl'), database), owner.role, owner.password);
  });
  afterAll(async () => {
    await asServerAdmin(`drop database if exists ${database} with (force)`);
    await dropRoles([owner.role]);
  });

  it('copies into the team, sees the rows only with the team named, and refuses a second file', async () => {
    const summary = await copySqliteToPostgres(source, ownerUrl, { team: TEAM });
    const count = async (url: string) => (await queryAs<{ n: number }>(url, 'select count(*)::integer as n from time_entries')).rows[0]!.n;
    const filling = new URL(ownerUrl);
    filling.searchParams.set('options', `-c ettervern.team_id=${summary.team.id}`);
    expect(await count(filling.toString())).toBe(summary.tables.find((table) => table.table === 'time_entries')!.rows);
    expect(await count(ownerUrl)).toBe(0);
    // The team is invisible to the owner's own session under forced RLS; the copy still finds it and refuses.
    await expect(copySqliteToPostgres(source, ownerUrl, { team: 'Et annet team' })).rejects.toThrow(/allerede et team/);
    // stats reads the team the owner's session names, and refuses the owner's session that names none.
    const onFile = await cliInProcess(['stats', '--db', source, '--year', '2020', '--json']);
    const onServer = await cliInProcess(['stats', '--db', filling.toString(), '--year', '2020', '--json']);
    expect(onServer.status).toBe(0);
    expect(onServer.stdout).toBe(onFile.stdout);
    const noTeam = await cliInProcess(['stats', '--db', ownerUrl, '--year', '2020']);
    expect(noTeam.status).toBe(1);
    expect(noTeam.stderr).toContain('Påloggingen hører ikke til noe team på serveren.');
    const forced = await queryAs<{ n: number }>(
      ownerUrl,
      `select count(*)::integer as n from pg_class where relnamespace = 'public'::regnamespace and relkind = 'r' and relrowsecurity and not relforcerowsecurity`,
    );
    expect(forced.rows[0]!.n).toBe(0);
  }, 120_000);

  it('refuses a role that is neither the owner nor a superuser, and leaves nothing', async () => {
    const other = { role: uniqueUsername('annen'), password: randomBytes(12).toString('base64url') };
    await asServerAdmin(`create role "${other.role}" login password '${scramVerifier(other.password)}'`);
    const target = await emptyServerDatabase();
    await migratePostgres(target.kysely);
    try {
      const failure = await failureOf(copySqliteToPostgres(source, asRole(target.url, other.role, other.password), { team: TEAM }));
      expect(failure.message).toBe('Flyttingen må kjøres som eieren av databasen på serveren (eller en superbruker). Ingenting er endret.');
      expect(await teamDataRows(target)).toBe(0);
    } finally {
      await dropRoles([other.role]);
    }
  });
});

describe('refusals before anything is written', () => {
  it('refuses a file whose audit chain is broken, before the server is even migrated', async () => {
    const broken = editedCopy('broken-chain.sqlite', (sqlite) => {
      sqlite.exec('drop trigger audit_log_no_update');
      sqlite.exec(`update audit_log set action = 'endret' where id = 40`);
    });
    const target = await emptyServerDatabase();
    await expect(copySqliteToPostgres(broken, target.url, { team: TEAM })).rejects.toThrow(
      'Revisjonsloggen i databasefilen er brutt (første brutte rad er nr. 40).',
    );
    expect(await publicTables(target)).toBe(0);
  });

  it('refuses a file at an older version of the schema', async () => {
    const older = editedCopy('older.sqlite', (sqlite) => sqlite.exec(`delete from kysely_migration where name = '0018-participant-entry-minutes'`));
    const target = await emptyServerDatabase();
    await expect(copySqliteToPostgres(older, target.url, { team: TEAM })).rejects.toThrow(/ikke oppgradert til denne versjonen av Ettervern \(mangler 0018/);
    expect(await publicTables(target)).toBe(0);
  });

  it('refuses a file with a table it does not know, and copies none of it', async () => {
    const extra = editedCopy('extra-table.sqlite', (sqlite) => sqlite.exec(`create table notes_outside_the_app (id integer primary key, text text)`));
    const target = await emptyServerDatabase();
    await expect(copySqliteToPostgres(extra, target.url, { team: TEAM })).rejects.toThrow(
      'Tabellen notes_outside_the_app er ukjent for denne versjonen av Ettervern.',
    );
    expect(await teamDataRows(target)).toBe(0);
  });
});

describe('a failure half-way', () => {
  it('rolls the whole copy back: no team data, every trigger, key and index as before, and the same target takes a good file afterwards', async () => {
    // PostgreSQL text cannot hold NUL, SQLite's can: the server refuses this case after the tables before it were written.
    const secret = 'hemmelig-notat';
    const poisoned = editedCopy('nul.sqlite', (sqlite) => {
      sqlite.prepare(`update cases set closure_note = ? where id = (select max(id) from cases)`).run(`${secret}\u0000`);
    });
    const target = await emptyServerDatabase();
    const failure = await failureOf(copySqliteToPostgres(poisoned, target.url, { team: TEAM }));
    expect(failure.message).toMatch(/^Flyttingen til databaseserveren stoppet i tabellen cases \(22021\)\. Ingenting er lagret på serveren\.$/);
    expect(JSON.stringify({ message: failure.message, stack: failure.stack })).not.toContain(secret);
    expect(await teamDataRows(target)).toBe(0);
    const fresh = await emptyServerDatabase();
    await migratePostgres(fresh.kysely);
    expect(await schemaObjects(target)).toEqual(await schemaObjects(fresh));
    const summary = await copySqliteToPostgres(source, target.url, { team: TEAM });
    expect(summary.rows).toBeGreaterThan(10_000);
  }, 60_000);
});

describe('a connection lost during the copy', () => {
  it('fails the copy with a Norwegian message, keeps the process running, and leaves no team data', async () => {
    const target = await emptyServerDatabase();
    const database = new URL(target.url).pathname.slice(1);
    const terminations: Promise<void>[] = [];
    const onTable = (step: CopyStep) => {
      if (step.table === 'time_entries' && step.stage === 'copied') {
        terminations.push(asServerAdmin(`select pg_terminate_backend(pid) from pg_stat_activity where datname = '${database}'`));
      }
    };
    const failure = await failureOf(copySqliteToPostgres(source, target.url, { team: TEAM, onTable }));
    await Promise.all(terminations);
    expect(terminations).toHaveLength(1);
    expect(failure.message).toMatch(/^Flyttingen til databaseserveren stoppet .*Ingenting er lagret på serveren\.$/);
    expect(await teamDataRows(target)).toBe(0);
  });
});

describe('a connection the caller keeps', () => {
  it('copies through it and leaves it open, as a test comparing both engines will call it', async () => {
    const target = await emptyServerDatabase();
    const summary = await copySqliteToPostgres(source, target, { team: TEAM });
    const cases = await target.pool.query<{ n: number }>('select count(*) as n from cases');
    expect(cases.rows[0]!.n).toBe(summary.tables.find((table) => table.table === 'cases')!.rows);
    expect(cases.rows[0]!.n).toBeGreaterThan(10);
  });
});

describe('the comparison after the copy', () => {
  it('rolls back a copy the server stored otherwise than it was given, naming the table and no row', async () => {
    // A trigger someone left on the server rewrites each audit row on its way in; the audit log's own triggers stay on during the copy.
    const target = await emptyServerDatabase();
    await migratePostgres(target.kysely);
    await target.pool.query(`create function pad_record_type() returns trigger language plpgsql as $$
      begin new.record_type := new.record_type || ' '; return new; end $$`);
    await target.pool.query('create trigger pad_record_type before insert on audit_log for each row execute function pad_record_type()');
    const failure = await failureOf(copySqliteToPostgres(source, target.url, { team: TEAM }));
    expect(failure.message).toBe('Tabellen audit_log ble ikke lik på serveren som i databasefilen. Ingenting er lagret på serveren.');
    expect(await teamDataRows(target)).toBe(0);
  });
});

describe('migrate-to-server on the command line', () => {
  it('never prints the password: not on success, not on a refusal, not on a refused login, nor with PGPASSWORD', async () => {
    const target = await emptyServerDatabase();
    const url = new URL(target.url);
    const password = decodeURIComponent(url.password);
    expect(password.length).toBeGreaterThan(10);

    const done = await cliInProcess(['migrate-to-server', '--from', source, '--to', target.url, '--team', TEAM]);
    expect(done.status).toBe(0);
    expect(done.stdout).toMatch(/^Databasefilen er flyttet til 127\.0\.0\.1:\d+\/ettervern_test_\w+: 32 tabeller, [\d ]+ rader\./);
    expect(done.stdout).toContain('Revisjonsloggen er kontrollert før og etter');
    expect(done.stdout).toMatch(/Filen er nå teamet «Ettervern Salten» \(nr\. \d+\) på serveren\./);
    expect(done.stdout).toContain('ettervern_give_login');
    expect(done.stderr).toMatch(/^time_entries: [\d ]+ rader kopiert \(\d+ sekund(er)?\)$/m);
    expect(done.stderr).toMatch(/^audit_log: [\d ]+ rader kontrollert \(\d+ sekund(er)?\)$/m);

    const refused = await cliInProcess(['migrate-to-server', '--from', source, '--to', target.url, '--team', 'Et annet team', '--json']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/allerede et team/);

    const wrong = new URL(target.url);
    wrong.password = 'feil-passord-123456';
    const login = await cliInProcess(['migrate-to-server', '--from', source, '--to', wrong.toString(), '--team', TEAM]);
    expect(login.status).toBe(1);
    expect(login.stderr).toMatch(/avviste innloggingen: feil brukernavn eller passord \(28P01\)/);

    const second = await emptyServerDatabase();
    const withoutPassword = new URL(second.url);
    withoutPassword.password = '';
    process.env.PGPASSWORD = password;
    let fromEnvironment;
    try {
      fromEnvironment = await cliInProcess(['migrate-to-server', '--from', source, '--to', withoutPassword.toString(), '--team', TEAM, '--json']);
    } finally {
      delete process.env.PGPASSWORD;
    }
    expect(fromEnvironment.status).toBe(0);
    expect(JSON.parse(fromEnvironment.stdout)).toMatchObject({ ok: true, auditRows: expect.any(Number) });

    for (const run of [done, refused, login, fromEnvironment]) {
      const printed = run.stdout + run.stderr;
      expect(printed).not.toContain(password);
      expect(printed).not.toContain(encodeURIComponent(password));
      expect(printed).not.toContain('feil-passord-123456');
    }
    const error = await failureOf(copySqliteToPostgres(source, wrong.toString(), { team: TEAM }));
    expect(`${error.message} ${error.stack} ${JSON.stringify(error)}`).not.toContain('feil-passord-123456');
  }, 90_000);

  it('requires a valid --team, refused in Norwegian before anything reaches the server', async () => {
    const target = await emptyServerDatabase();
    const missing = await cliInProcess(['migrate-to-server', '--from', source, '--to', target.url]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('Mangler --team NAVN');
    for (const name of ['   ', 'x'.repeat(101)]) {
      const blank = await cliInProcess(['migrate-to-server', '--from', source, '--to', target.url, '--team', name]);
      expect(blank.status).toBe(1);
      expect(blank.stderr).toContain('Teamnavnet må ha 1–100 tegn. Ingenting er kopiert.');
    }
    expect(await publicTables(target)).toBe(0);
  });

  it('is in the help', async () => {
    const help = await cliInProcess(['--help']);
    expect(help.stdout).toContain('migrate-to-server');
    const own = await cliInProcess(['migrate-to-server', '--help']);
    expect(own.stdout).toContain('PGPASSWORD');
  });
});
