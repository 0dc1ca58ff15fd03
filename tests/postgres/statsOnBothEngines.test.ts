import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIRST_DEMO_YEAR } from '../../electron/cli/demo/profile';
import { TEAM_SETTING } from '../../electron/db/postgres/roles';
import { scramVerifier } from '../../electron/db/postgres/scramVerifier';
import { cliInProcess, type CliRun } from '../support/commandLine';
import { asRole, freshPostgresDatabase, type TestPostgresDatabase } from '../support/postgresDatabase';
import { dropRoles } from '../support/postgresTeams';

/**
 * Issue 19's proof for the statistics: the demo database made with a fixed seed, moved to a new server
 * database with `migrate-to-server`, gives byte for byte the same `stats --json` on the file and on the
 * server, for every year the demo covers. All through the command line, as a user runs it; on the server as
 * a team member's own login role (the team it reads is the role's, through row-level security).
 */
const LAST_YEAR = 2022;
const YEARS = Array.from({ length: LAST_YEAR - FIRST_DEMO_YEAR + 1 }, (_, index) => FIRST_DEMO_YEAR + index);
const folder = mkdtempSync(join(tmpdir(), 'ettervern-stats-engines-'));
const file = join(folder, 'demo.sqlite');
let server: TestPostgresDatabase;
let memberUrl: string;
const memberRoles: string[] = [];

function succeeded(run: CliRun): string {
  expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: expect.any(String) });
  return run.stdout;
}

const stats = async (db: string, year: number) => succeeded(await cliInProcess(['stats', '--db', db, '--year', String(year), '--json']));

beforeAll(async () => {
  succeeded(await cliInProcess(['demo', '--db', file, '--year', String(LAST_YEAR), '--seed', '3']));
  server = await freshPostgresDatabase({ migrate: false });
  const moved = JSON.parse(
    succeeded(await cliInProcess(['migrate-to-server', '--from', file, '--to', server.url, '--team', 'Ettervern Salten', '--json'])),
  ) as {
    team: { id: number };
  };
  // The members came without logins; one gets hers as the README says, from the owner naming the team.
  const member = (
    await server.pool.query<{ id: number; username: string }>(
      `select id, username from team_members where active = 1 and role <> 'administrator' order by id limit 1`,
    )
  ).rows[0]!;
  const password = randomBytes(12).toString('base64url');
  const client = await server.pool.connect();
  try {
    await client.query('begin');
    await client.query('select set_config($1, $2, true)', [TEAM_SETTING, String(moved.team.id)]);
    await client.query('select ettervern_give_login($1, $2)', [member.id, scramVerifier(password)]);
    await client.query('commit');
  } finally {
    client.release();
  }
  memberRoles.push(member.username);
  memberUrl = asRole(server.url, member.username, password);
}, 240_000);

afterAll(async () => {
  await server?.drop();
  await dropRoles(memberRoles);
  rmSync(folder, { recursive: true, force: true });
});

describe('stats --json on the demo file and on the server it was moved to', () => {
  it.each(YEARS)('is byte-identical for %i', async (year) => {
    const onFile = await stats(file, year);
    const onServer = await stats(memberUrl, year);
    expect(onServer).toBe(onFile);
    // Not two empty answers: the year has hours in several municipalities and cases.
    const figures = JSON.parse(onFile) as { hoursByMunicipalityAndCategory: unknown[]; casesByMunicipality: { total: number }[] };
    expect(figures.hoursByMunicipalityAndCategory.length).toBeGreaterThan(10);
    expect(figures.casesByMunicipality.some((row) => row.total > 0)).toBe(true);
  });

  it('tells one changed entry apart: the comparison is not blind', async () => {
    const year = YEARS[0]!;
    const before = await stats(memberUrl, year);
    // One entry of that year an hour longer, changed as the owner (the totals trigger follows).
    await server.pool.query(`update time_entries set minutes = minutes + 60 where id = (select min(id) from time_entries where entry_date like $1)`, [
      `${year}-%`,
    ]);
    try {
      expect(await stats(memberUrl, year)).not.toBe(await stats(file, year));
    } finally {
      await server.pool.query(`update time_entries set minutes = minutes - 60 where id = (select min(id) from time_entries where entry_date like $1)`, [
        `${year}-%`,
      ]);
    }
    expect(await stats(memberUrl, year)).toBe(before);
  });
});

describe('stats on a server, as a login that is not one team', () => {
  it('refuses a superuser, who would see every team together, and never prints the password', async () => {
    const run = await cliInProcess(['stats', '--db', server.url, '--year', String(FIRST_DEMO_YEAR), '--json']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('En superbruker ser alle teamene på serveren samlet.');
    const password = decodeURIComponent(new URL(server.url).password);
    expect(run.stdout + run.stderr).not.toContain(password);
  });

  it('refuses a wrong password in Norwegian, without repeating it', async () => {
    const wrong = new URL(memberUrl);
    wrong.password = 'feil-passord-987654';
    const run = await cliInProcess(['stats', '--db', wrong.toString(), '--year', String(FIRST_DEMO_YEAR)]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Databaseserveren avviste innloggingen: feil brukernavn eller passord (28P01).');
    expect(run.stdout + run.stderr).not.toContain('feil-passord-987654');
  });
});
