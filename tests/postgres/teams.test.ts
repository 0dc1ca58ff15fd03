import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRowHash, GENESIS_HASH } from '../../electron/db/auditChain';
import { openDatabase } from '../../electron/db/open';
import { APP_ROLE, REGION_ROLE } from '../../electron/db/postgres/roles';
import { scramVerifier } from '../../electron/db/postgres/scramVerifier';
import { POSTGRES_ONLY_TABLES, REGION_VIEWS, TEAM_COLUMN } from '../../electron/db/postgres/teamSchema';
import { DISCLOSURE_THRESHOLD } from '../../shared/domain/disclosureControl';
import { asRole, asServerAdmin, freshPostgresDatabase, type TestPostgresDatabase } from '../support/postgresDatabase';
import { createTestTeam, dropRoles, queryAs, uniqueUsername, type TestTeam } from '../support/postgresTeams';

/**
 * Two teams on one server, each member signed in with their own login role over SCRAM: the server keeps each
 * team to its own rows in every team table, refuses writes into the other team, keeps the audit log
 * append-only and per team, lets only a team's administrator make and deactivate its members, and shows the
 * region nothing but the aggregate views with small cells hidden.
 */
const NOW = '2024-03-04T10:00:00.000Z';

/** Runs `work` on one connection in one transaction, committed when it returns. */
async function inTransaction<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('begin');
    const result = await work(client);
    await client.query('commit');
    return result;
  } finally {
    await client.end();
  }
}

const one = async (client: pg.Client, text: string, values: unknown[] = []): Promise<number> =>
  (await client.query<{ id: number }>(`${text} returning id`, values)).rows[0]!.id;

/** One audit row in the member's chain (the chain a member sees is its own team's). */
async function appendAudit(client: pg.Client, actorId: number, action: string, claimedRole?: string): Promise<void> {
  const last = await client.query<{ hash: string }>('select hash from audit_log order by id desc limit 1');
  const prev = last.rows[0]?.hash ?? GENESIS_HASH;
  const id = (await client.query<{ id: number }>("select nextval(pg_get_serial_sequence('audit_log', 'id'))::integer as id")).rows[0]!.id;
  const row = { id, at: NOW, actor_id: actorId, action, record_type: 'case', record_id: '1', fields: '[]', prev_hash: prev };
  const columns = ['id', 'at', 'actor_id', 'action', 'record_type', 'record_id', 'fields', 'prev_hash', 'hash', ...(claimedRole ? ['db_role'] : [])];
  const values = [
    row.id,
    row.at,
    row.actor_id,
    row.action,
    row.record_type,
    row.record_id,
    row.fields,
    prev,
    auditRowHash(row),
    ...(claimedRole ? [claimedRole] : []),
  ];
  await client.query(`insert into audit_log (${columns.join(', ')}) values (${values.map((_, i) => `$${i + 1}`).join(', ')})`, values);
}

/**
 * A row in every team table, written by the team's member over their own connection (so every insert passes
 * the team's check). Both teams use the same case code, settings key, years and instance names: keys are
 * unique per team. The test below fails for any team table this leaves empty, so a new table is not skipped.
 */
async function fillTeam(team: TestTeam): Promise<void> {
  await inTransaction(team.member.url, async (c) => {
    const member = team.member.id;
    const municipality = (await c.query<{ id: number }>("select min(id) as id from municipalities where kind = 'member'")).rows[0]!.id;
    const category = (await c.query<{ id: number }>('select min(id) as id from categories')).rows[0]!.id;
    const domain = (await c.query<{ id: number }>('select min(id) as id from life_domains')).rows[0]!.id;
    const caseId = await one(
      c,
      `insert into cases (code, municipality_id, year, running_number, status, referral_date, created_at, updated_at)
       values ('01/24-ST', $1, 2024, 1, 'oppfolging', '2024-01-10', $2, $2)`,
      [municipality, NOW],
    );
    await c.query('insert into case_staff (case_id, team_member_id) values ($1, $2)', [caseId, member]);
    await c.query("insert into case_transitions (case_id, to_status, on_date, at) values ($1, 'oppfolging', '2024-01-10', $2)", [caseId, NOW]);
    await c.query("insert into case_goals (case_id, text, status, created_at, updated_at) values ($1, 'Egen bolig', 'pagar', $2, $2)", [caseId, NOW]);
    await c.query("insert into case_domain_ratings (case_id, domain_id, occasion, level, rated_on) values ($1, $2, 'start', 2, '2024-01-10')", [
      caseId,
      domain,
    ]);
    const contact = await one(
      c,
      `insert into contacts (name, kind, area, municipality_id, created_at, updated_at) values ('NAV Fauske', 'nav', 'member', $1, $2, $2)`,
      [municipality, NOW],
    );
    const person = await one(c, "insert into contact_people (contact_id, name) values ($1, 'Kari Kontakt')", [contact]);
    await c.query("insert into case_contacts (case_id, contact_id, person_id, role) values ($1, $2, $3, 'henviser')", [caseId, contact, person]);
    const event = await one(c, "insert into network_events (event_date, kind, created_at, updated_at) values ('2024-02-01', 'fagnettverk', $1, $1)", [NOW]);
    await c.query('insert into network_event_contacts (event_id, contact_id) values ($1, $2)', [event, contact]);
    const entry = await one(
      c,
      `insert into time_entries (entry_date, case_id, municipality_id, category_id, minutes, source, created_at, updated_at)
       values ('2024-03-04', $1, $2, $3, 90, 'manual', $4, $4)`,
      [caseId, municipality, category, NOW],
    );
    await c.query('insert into time_entry_participants (time_entry_id, team_member_id) values ($1, $2)', [entry, member]);
    const sheet = await one(
      c,
      `insert into timesheet_imports (imported_at, file_sha256, rows_read, rows_imported, rows_rejected, duplicates_skipped, cases_created)
       values ($1, 'abc', 1, 1, 0, 0, 0)`,
      [NOW],
    );
    await c.query("insert into timesheet_import_rows (row_key, import_id, time_entry_id) values ('rad-1', $1, $2)", [sheet, entry]);
    await c.query(`insert into settings (key, value, updated_at) values ('idle-minutes', '10', $1)`, [NOW]);
    await c.query(
      `insert into cost_share_years (year, budget, base_amount, band_rate_1, band_rate_2, band_rate_3, band_rate_4, hourly_rate, updated_at)
       values (2024, 1000000, 100000, 1, 1, 1, 1, 800, $1)`,
      [NOW],
    );
    await c.query("insert into annual_report_texts (year, section, text, updated_at) values (2024, 'innledning', 'Et godt år.', $1)", [NOW]);
    await c.query(
      `insert into document_templates (kind, version, file_name, content, size_bytes, uploaded_at) values ('closure-report', 1, 'mal.docx', '\\x00', 1, $1)`,
      [NOW],
    );
    await c.query("insert into generated_documents (case_id, kind, template_version, generated_at) values ($1, 'closure-report', 1, $2)", [caseId, NOW]);
    const response = await one(c, "insert into evaluation_responses (case_id, received_date, created_at, updated_at) values ($1, '2024-03-01', $2, $2)", [
      caseId,
      NOW,
    ]);
    await c.query("insert into evaluation_answers (response_id, case_id, question_id, value) values ($1, $2, 'q1', 4)", [response, caseId]);
    await c.query("insert into after_contact_not_possible (case_id, decided_on, reason, created_at, updated_at) values ($1, '2024-06-01', 'flyttet', $2, $2)", [
      caseId,
      NOW,
    ]);
    await c.query('insert into database_sharing (id, shared_at, shared_by) values (1, $1, $2)', [NOW, member]);
    await c.query("insert into presence (instance_id, member_id, machine, opened_at, last_seen_at) values ('instans-01', $1, 'PC-1', $2, $2)", [member, NOW]);
    await c.query("insert into daily_backup_claims (day, instance_id, claimed_at) values ('2024-03-04', 'instans-01', $1)", [NOW]);
    await appendAudit(c, member, 'create');
  });
}

describe('several teams on one PostgreSQL server', () => {
  let db: TestPostgresDatabase;
  let a: TestTeam;
  let b: TestTeam;
  let teamTables: string[];
  const region = { role: uniqueUsername('region'), password: randomBytes(12).toString('base64url') };
  const extraRoles: string[] = [];
  let regionUrl: string;

  beforeAll(async () => {
    db = await freshPostgresDatabase();
    a = await createTestTeam(db.url, 'Ettervern Salten');
    b = await createTestTeam(db.url, 'Ettervern Ofoten');
    await fillTeam(a);
    await fillTeam(b);
    // The region's own login role, made by the server's administrator as the README says.
    await asServerAdmin(`create role "${region.role}" login password '${scramVerifier(region.password)}' in role ${REGION_ROLE}`);
    regionUrl = asRole(db.url, region.role, region.password);
    teamTables = (
      await queryAs<{ table_name: string }>(
        db.url,
        `select c.table_name from information_schema.columns c join information_schema.tables t
           on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
         where c.table_schema = 'public' and c.column_name = $1 order by 1`,
        [TEAM_COLUMN],
      )
    ).rows
      .map((r) => r.table_name)
      .filter((table) => !(table in POSTGRES_ONLY_TABLES));
  });
  afterAll(async () => {
    await db.drop();
    await dropRoles([a.admin.role, a.member.role, b.admin.role, b.member.role, region.role, ...extraRoles]);
  });

  it('keeps every team table to its own team for each member, whatever the member sets', async () => {
    expect(teamTables.length).toBeGreaterThan(25);
    const unprotected = await queryAs<{ relname: string }>(
      db.url,
      `select relname from pg_class where relname = any ($1) and not (relrowsecurity and relforcerowsecurity)`,
      [teamTables],
    );
    expect(unprotected.rows).toEqual([]);
    for (const login of [a.member, a.admin]) {
      await expect(queryAs(login.url, 'select 1 from team_member_roles')).rejects.toMatchObject({ code: '42501' });
    }
    for (const table of teamTables) {
      // As the owner (a superuser, past row-level security): both teams have rows here, so the check can fail.
      const all = await queryAs<{ a: number; b: number }>(
        db.url,
        `select count(*) filter (where team_id = $1)::integer as a, count(*) filter (where team_id = $2)::integer as b from ${table}`,
        [a.id, b.id],
      );
      expect({ table, ...all.rows[0] }).toEqual({ table, a: expect.any(Number), b: expect.any(Number) });
      expect({ table, aHasRows: all.rows[0]!.a > 0, bHasRows: all.rows[0]!.b > 0 }).toEqual({ table, aHasRows: true, bHasRows: true });
      for (const [team, own] of [
        [a, all.rows[0]!.a],
        [b, all.rows[0]!.b],
      ] as const) {
        const other = team === a ? b : a;
        for (const login of [team.member, team.admin]) {
          const seen = await inTransaction(login.url, async (c) => {
            // A member's team comes from their role, never from a setting they can change.
            await c.query(`select set_config('ettervern.team_id', $1, true)`, [String(other.id)]);
            return (
              await c.query<{ own: number; other: number }>(
                `select count(*) filter (where team_id = $1)::integer as own, count(*) filter (where team_id <> $1)::integer as other from ${table}`,
                [team.id],
              )
            ).rows[0]!;
          });
          expect({ table, role: login.role, ...seen }).toEqual({ table, role: login.role, own, other: 0 });
        }
      }
    }
  });

  it("refuses a row written into the other team, a change moving a row there, and a reference to the other team's row", async () => {
    const bCase = (await queryAs<{ id: number }>(db.url, 'select id from cases where team_id = $1', [b.id])).rows[0]!.id;
    const refused = async (text: string, values: unknown[]) => {
      const client = new pg.Client({ connectionString: a.member.url });
      await client.connect();
      try {
        return await client.query(text, values).then(
          () => 'ok',
          (error: { code?: string }) => error.code,
        );
      } finally {
        await client.end();
      }
    };
    expect(await refused(`insert into settings (team_id, key, value, updated_at) values ($1, 'annet', '1', $2)`, [b.id, NOW])).toBe('42501');
    expect(await refused(`update settings set team_id = $1`, [b.id])).toBe('42501');
    // Foreign keys do not see row-level security; the team in every reference does.
    expect(await refused(`insert into case_staff (case_id, team_member_id) values ($1, $2)`, [bCase, a.member.id])).toBe('23503');
    const municipality = (await queryAs<{ id: number }>(db.url, 'select min(id) as id from municipalities')).rows[0]!.id;
    const category = (await queryAs<{ id: number }>(db.url, 'select min(id) as id from categories')).rows[0]!.id;
    expect(
      await refused(
        `insert into time_entries (entry_date, case_id, municipality_id, category_id, minutes, source, created_at, updated_at)
         values ('2024-03-05', $1, $2, $3, 30, 'manual', $4, $4)`,
        [bCase, municipality, category, NOW],
      ),
    ).toBe('23503');
    // The other team's rows are not there to change or delete.
    const changed = await queryAs(a.member.url, `update cases set status = 'avsluttet' where id = $1`, [bCase]);
    const deleted = await queryAs(a.member.url, `delete from case_staff where case_id = $1`, [bCase]);
    expect([changed.rowCount, deleted.rowCount]).toEqual([0, 0]);
    const bStatus = await queryAs<{ status: string }>(db.url, 'select status from cases where id = $1', [bCase]);
    expect(bStatus.rows[0]!.status).toBe('oppfolging');
  });

  it("keeps the daily totals per team: two teams' entries on the same day, municipality and category stay apart", async () => {
    const kept = await queryAs(
      db.url,
      `select team_id, municipality_id, category_id, entry_date, entries, minutes from time_totals_daily where entries <> 0 order by 1, 2, 3, 4`,
    );
    const fresh = await queryAs(
      db.url,
      `select team_id, municipality_id, category_id, entry_date, count(*)::integer as entries, sum(minutes)::integer as minutes
         from time_entries group by 1, 2, 3, 4 order by 1, 2, 3, 4`,
    );
    expect(kept.rows).toEqual(fresh.rows);
    const shared = await queryAs<{ teams: number }>(
      db.url,
      `select count(distinct team_id)::integer as teams from time_totals_daily where entry_date = '2024-03-04' group by municipality_id, category_id`,
    );
    expect(shared.rows).toEqual([{ teams: 2 }]);
  });

  it('shows a role in the app group without a member mapping nothing, whatever team it sets', async () => {
    const stray = { role: uniqueUsername('loes'), password: randomBytes(12).toString('base64url') };
    extraRoles.push(stray.role);
    await asServerAdmin(`create role "${stray.role}" login password '${scramVerifier(stray.password)}' in role ${APP_ROLE}`);
    const seen = await inTransaction(asRole(db.url, stray.role, stray.password), async (c) => {
      await c.query(`select set_config('ettervern.team_id', $1, true)`, [String(a.id)]);
      return (await c.query<{ n: number }>('select count(*)::integer as n from cases')).rows[0]!.n;
    });
    expect(seen).toBe(0);
    await expect(
      queryAs(asRole(db.url, stray.role, stray.password), `insert into settings (key, value, updated_at) values ('x', '1', 'x')`),
    ).rejects.toMatchObject({
      code: '42501',
    });
  });

  it("gives members' queries only their team's condition, so it stays an index condition (the region's policy is the views' owner's)", async () => {
    const policies = await queryAs<{ tablename: string; policyname: string; roles: string[] }>(
      db.url,
      `select tablename, policyname, roles::text[] as roles from pg_policies where schemaname = 'public' and tablename = any ($1)`,
      [teamTables],
    );
    const forMembers = policies.rows.filter((p) => p.roles.includes('public') || p.roles.includes(APP_ROLE)).map((p) => `${p.tablename}.${p.policyname}`);
    expect(forMembers.sort()).toEqual(teamTables.map((table) => `${table}.team_rows`).sort());
    // Every team index leads with the team (a member's range is one stretch of it).
    const indexes = await queryAs<{ indexname: string; indexdef: string }>(
      db.url,
      `select indexname, indexdef from pg_indexes i where schemaname = 'public' and tablename = any ($1)
         and not exists (select from pg_constraint c where c.conname = i.indexname)`,
      [teamTables],
    );
    expect(indexes.rows.length).toBeGreaterThan(10);
    expect(indexes.rows.filter((i) => !i.indexdef.includes(`USING btree (${TEAM_COLUMN},`)).map((i) => i.indexname)).toEqual([]);
  });

  it('keeps the reference data read-only to members', async () => {
    for (const statement of [
      `update municipalities set name = name || 'x'`,
      `delete from categories`,
      `insert into teams (name, created_at) values ('x', 'x')`,
    ]) {
      await expect(queryAs(a.admin.url, statement), statement).rejects.toMatchObject({ code: '42501' });
    }
  });

  it('records the signing-in role in the audit log, whatever the client claims, and never lets a member change or remove a row', async () => {
    await inTransaction(a.member.url, (c) => appendAudit(c, a.member.id, 'update', b.admin.role));
    const rows = await queryAs<{ db_role: string; team_id: number }>(db.url, `select db_role, team_id from audit_log where action = 'update'`);
    expect(rows.rows).toEqual([{ db_role: a.member.role, team_id: a.id }]);
    const seenByB = await queryAs<{ n: number }>(b.admin.url, `select count(*)::integer as n from audit_log where db_role = $1`, [a.member.role]);
    expect(seenByB.rows[0]!.n).toBe(0);
    for (const login of [a.member, a.admin, b.admin]) {
      for (const statement of [`update audit_log set action = 'endret'`, `delete from audit_log`, `truncate audit_log`]) {
        await expect(queryAs(login.url, statement), `${login.role}: ${statement}`).rejects.toMatchObject({ code: '42501' });
      }
    }
  });

  it('lets only a team administrator create members, always in their own team', async () => {
    // A no-break space and a ligature: the verifier must prepare the password as the client does (SASLprep).
    const password = 'blåbær\u00a0ﬁ-syltetøy';
    const verifier = scramVerifier(password);
    await expect(queryAs(a.member.url, 'select ettervern_create_member($1, $2, $3, $4)', [uniqueUsername('ny'), 'Ny', 'NY', verifier])).rejects.toMatchObject({
      code: '42501',
      message: 'Bare teamets administrator kan opprette og deaktivere teammedlemmer',
    });
    for (const call of [
      'select ettervern_create_team($1)',
      'select ettervern_add_administrator(1, $1, $1, $1)',
      `select ettervern_add_member(1, $1, $1, $1, null, 'administrator')`,
    ]) {
      await expect(queryAs(a.admin.url, call, ['x']), call).rejects.toMatchObject({
        code: '42501',
        message: expect.stringMatching(/permission denied for function/),
      });
    }
    const username = uniqueUsername('ny');
    extraRoles.push(username);
    const id = (await queryAs<{ id: number }>(a.admin.url, 'select ettervern_create_member($1, $2, $3, $4) as id', [username, 'Nina Ny', 'NN', verifier]))
      .rows[0]!.id;
    const where = await queryAs<{ team_id: number; role: string }>(db.url, 'select team_id, role from team_members where id = $1', [id]);
    expect(where.rows).toEqual([{ team_id: a.id, role: 'teammedlem' }]);
    expect((await queryAs(b.admin.url, 'select 1 from team_members where id = $1', [id])).rowCount).toBe(0);
    // The new colleague signs in with the password the verifier was made from.
    const signedIn = await queryAs<{ who: string }>(asRole(db.url, username, password), 'select session_user as who');
    expect(signedIn.rows[0]!.who).toBe(username);
  });

  it("lets an administrator deactivate only their own team's members, after which the member cannot sign in", async () => {
    await expect(queryAs(a.admin.url, 'select ettervern_set_member_active($1, false)', [b.member.id])).rejects.toMatchObject({
      message: 'Teammedlemmet finnes ikke i ditt team',
    });
    await expect(queryAs(a.member.url, 'select ettervern_set_member_active($1, false)', [a.admin.id])).rejects.toMatchObject({ code: '42501' });
    await expect(queryAs(a.admin.url, 'select ettervern_set_member_active($1, false)', [a.admin.id])).rejects.toMatchObject({
      message: 'Du kan ikke deaktivere deg selv',
    });
    // b's member still signs in: a's attempt changed nothing.
    expect((await queryAs(b.member.url, 'select 1')).rowCount).toBe(1);

    await queryAs(a.admin.url, 'select ettervern_set_member_active($1, false)', [a.member.id]);
    await expect(queryAs(a.member.url, 'select 1')).rejects.toMatchObject({ code: '28000' });
    const row = await queryAs<{ active: number }>(a.admin.url, 'select active from team_members where id = $1', [a.member.id]);
    expect(row.rows).toEqual([{ active: 0 }]);
    await queryAs(a.admin.url, 'select ettervern_set_member_active($1, true)', [a.member.id]);
    expect((await queryAs(a.member.url, 'select 1')).rowCount).toBe(1);
  });

  it('refuses a user name with quotes or semicolons, a password in clear, and stores quoted names as plain values', async () => {
    for (const username of [`x"; drop table cases; --`, `x'; drop role ${a.admin.role}; --`, 'Stor', 'a', 'å.b']) {
      await expect(
        queryAs(a.admin.url, 'select ettervern_create_member($1, $2, $3, $4)', [username, 'Navn', 'NA', scramVerifier('et langt passord')]),
        username,
      ).rejects.toMatchObject({ code: '22023', message: expect.stringMatching(/^Brukernavn kan bare ha/) });
    }
    await expect(
      queryAs(a.admin.url, 'select ettervern_create_member($1, $2, $3, $4)', [uniqueUsername('klar'), 'Navn', 'NA', 'et langt passord']),
    ).rejects.toMatchObject({ message: 'Passordet må komme som en SCRAM-SHA-256-nøkkel, aldri i klartekst' });
    const username = uniqueUsername('obrien');
    extraRoles.push(username);
    const strangeName = `O'Brien"; drop table cases; --`;
    const id = (await queryAs<{ id: number }>(a.admin.url, 'select ettervern_create_member($1, $2, $3, null) as id', [username, strangeName, 'OB'])).rows[0]!
      .id;
    const stored = await queryAs<{ display_name: string }>(a.admin.url, 'select display_name from team_members where id = $1', [id]);
    expect(stored.rows).toEqual([{ display_name: strangeName }]);
    const teamName = `Team «'); drop table teams; --»`;
    const team = (await queryAs<{ id: number }>(db.url, 'select ettervern_create_team($1) as id', [teamName])).rows[0]!.id;
    expect((await queryAs<{ name: string }>(db.url, 'select name from teams where id = $1', [team])).rows).toEqual([{ name: teamName }]);
    expect((await queryAs(db.url, 'select 1 from cases')).rowCount).toBeGreaterThan(0);
  });

  it('shows the region the aggregate views of every team, small cells hidden, and nothing else', async () => {
    // Team b logs time on enough cases in one cell to show it; team a on one case only.
    const cell = await inTransaction(b.member.url, async (c) => {
      const municipality = (await c.query<{ id: number }>("select max(id) as id from municipalities where kind = 'member'")).rows[0]!.id;
      const category = (await c.query<{ id: number; name: string }>('select id, name from categories order by id desc limit 1')).rows[0]!;
      for (let running = 2; running < 2 + DISCLOSURE_THRESHOLD; running++) {
        const caseId = await one(
          c,
          `insert into cases (code, municipality_id, year, running_number, status, created_at, updated_at) values ($1, $2, 2023, $3, 'oppfolging', $4, $4)`,
          [`0${running}/23-X`, municipality, running, NOW],
        );
        await c.query(
          `insert into time_entries (entry_date, case_id, municipality_id, category_id, minutes, source, created_at, updated_at)
           values ('2023-05-05', $1, $2, $3, 60, 'manual', $4, $4)`,
          [caseId, municipality, category.id, NOW],
        );
      }
      const name = (await c.query<{ name: string }>('select name from municipalities where id = $1', [municipality])).rows[0]!.name;
      return { municipality: name, category: category.name };
    });
    const hours = await queryAs<{
      team: string;
      municipality: string;
      category: string;
      year: number;
      hours: number | null;
      entries: number | null;
      hidden: boolean;
    }>(regionUrl, 'select team, municipality, category, year, hours, entries, hidden from region_hours order by team, year');
    expect(hours.rows).toContainEqual({
      team: 'Ettervern Ofoten',
      municipality: cell.municipality,
      category: cell.category,
      year: 2023,
      hours: 5,
      entries: 5,
      hidden: false,
    });
    const small = hours.rows.filter((r) => r.team === 'Ettervern Salten' && r.year === 2024);
    expect(small.length).toBeGreaterThan(0);
    expect(small.every((r) => r.hidden && r.hours === null && r.entries === null)).toBe(true);

    const cases = await queryAs<{ team: string; year: number; cases: number | null; hidden: boolean }>(
      regionUrl,
      'select team, year, cases, hidden from region_cases',
    );
    expect(cases.rows).toContainEqual({ team: 'Ettervern Ofoten', year: 2023, cases: DISCLOSURE_THRESHOLD, hidden: false });
    expect(cases.rows).toContainEqual({ team: 'Ettervern Salten', year: 2024, cases: null, hidden: true });

    for (const table of [...teamTables, 'teams', 'team_member_roles', 'municipalities', 'categories']) {
      await expect(queryAs(regionUrl, `select 1 from ${table} limit 1`), table).rejects.toMatchObject({ code: '42501' });
    }
    await expect(queryAs(regionUrl, `select ettervern_create_member('x', 'x', 'XX', null)`)).rejects.toMatchObject({ code: '42501' });
    // Members do not reach the views, so the views' owner rights cannot carry them past their team.
    for (const view of REGION_VIEWS) {
      await expect(queryAs(a.admin.url, `select 1 from ${view}`), view).rejects.toMatchObject({ code: '42501' });
    }
  });

  it('gives a new team the same life domains and populations as a new SQLite file', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ettervern-teams-'));
    try {
      const sqlite = await openDatabase(join(folder, 'ny.sqlite'));
      const expected = {
        domains: sqlite.sqlite.prepare('select name, sort_order from life_domains order by sort_order').all(),
        populations: sqlite.sqlite
          .prepare('select m.name, y.year, y.population from municipality_years y join municipalities m on m.id = y.municipality_id order by 1, 2')
          .all(),
      };
      sqlite.close();
      const domains = await queryAs(b.admin.url, 'select name, sort_order from life_domains order by sort_order');
      const populations = await queryAs(
        b.admin.url,
        'select m.name, y.year, y.population from municipality_years y join municipalities m on m.id = y.municipality_id order by 1, 2',
      );
      expect({ domains: domains.rows, populations: populations.rows }).toEqual(expected);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
