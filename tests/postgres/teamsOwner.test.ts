import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { migratePostgres } from '../../electron/db/postgres/migrate';
import { openPostgres } from '../../electron/db/postgres/connect';
import { REGION_ROLE, TEAM_SETTING } from '../../electron/db/postgres/roles';
import { scramVerifier } from '../../electron/db/postgres/scramVerifier';
import { asRole, asServerAdmin, withDatabase } from '../support/postgresDatabase';
import { createTestTeam, dropRoles, queryAs, uniqueUsername, type TestTeam } from '../support/postgresTeams';

/**
 * The deployment the README describes: the database owned by an ordinary role with CREATEROLE, not a
 * superuser. Row-level security is forced, so it holds the owner too: the owner sees and writes a team's rows
 * only by naming the team in `ettervern.team_id` (as a copy tool does), its functions still make teams and
 * members, and the region's views (which run as the owner) show every team only to the region.
 */
const NOW = '2024-03-04T10:00:00.000Z';

describe('several teams on a database owned by an ordinary role', () => {
  const owner = { role: uniqueUsername('eier'), password: randomBytes(12).toString('base64url') };
  const region = { role: uniqueUsername('region'), password: randomBytes(12).toString('base64url') };
  const database = `ettervern_owner_${randomBytes(5).toString('hex')}`;
  let ownerUrl: string;
  let a: TestTeam;
  let b: TestTeam;
  const extraRoles: string[] = [];

  /** The owner's URL, filling `team` (none: the setting unset). */
  const filling = (team?: number) => {
    const url = new URL(ownerUrl);
    if (team !== undefined) url.searchParams.set('options', `-c ${TEAM_SETTING}=${team}`);
    return url.toString();
  };

  beforeAll(async () => {
    await asServerAdmin(`create role "${owner.role}" login createrole password '${scramVerifier(owner.password)}'`);
    await asServerAdmin(`create database ${database} owner "${owner.role}"`);
    ownerUrl = asRole(withDatabase(inject('postgresAdminUrl'), database), owner.role, owner.password);
    const connection = openPostgres(ownerUrl, { max: 1 });
    try {
      await migratePostgres(connection.kysely);
    } finally {
      await connection.close();
    }
    await asServerAdmin(`create role "${region.role}" login password '${scramVerifier(region.password)}' in role ${REGION_ROLE}`);
    a = await createTestTeam(ownerUrl, 'Ettervern Salten');
    b = await createTestTeam(ownerUrl, 'Ettervern Ofoten');
  });
  afterAll(async () => {
    await asServerAdmin(`drop database if exists ${database} with (force)`);
    await dropRoles([a?.admin.role, a?.member.role, b?.admin.role, b?.member.role, region.role, owner.role, ...extraRoles].filter((r): r is string => !!r));
  });

  it("writes a team's rows only with the team named, and then only that team's", async () => {
    const insert = `insert into cases (code, municipality_id, year, running_number, status, referral_date, created_at, updated_at)
      select '01/24-ST', min(id), 2024, 1, 'henvist', '2024-01-10', $1, $1 from municipalities`;
    await expect(queryAs(filling(), insert, [NOW])).rejects.toMatchObject({ code: expect.stringMatching(/^(42501|23502)$/) });
    await queryAs(filling(a.id), insert, [NOW]);
    await queryAs(filling(b.id), insert, [NOW]);
    const count = async (url: string) => (await queryAs<{ n: number }>(url, 'select count(*)::integer as n from cases')).rows[0]!.n;
    expect(await count(filling())).toBe(0);
    expect(await count(filling(a.id))).toBe(1);
    expect(await count(a.member.url)).toBe(1);
    const teams = await queryAs<{ team_id: number }>(filling(b.id), 'select team_id from cases');
    expect(teams.rows).toEqual([{ team_id: b.id }]);
  });

  it('gives a member row the owner copied in a login of its own, in the team the owner names, once', async () => {
    const copied = { role: uniqueUsername('kopiert'), password: randomBytes(12).toString('base64url') };
    extraRoles.push(copied.role);
    const id = (
      await queryAs<{ id: number }>(
        filling(a.id),
        `insert into team_members (username, display_name, initials, role, created_at) values ($1, 'Kari Kopi', 'KK', 'teammedlem', $2) returning id`,
        [copied.role, NOW],
      )
    ).rows[0]!.id;
    await expect(queryAs(filling(b.id), 'select ettervern_give_login($1, $2)', [id, scramVerifier(copied.password)])).rejects.toMatchObject({
      message: 'Teammedlemmet finnes ikke i ditt team',
    });
    await queryAs(filling(a.id), 'select ettervern_give_login($1, $2)', [id, scramVerifier(copied.password)]);
    await expect(queryAs(filling(a.id), 'select ettervern_give_login($1, null)', [id])).rejects.toMatchObject({
      message: 'Teammedlemmet har allerede en pålogging',
    });
    const seen = await queryAs<{ team_id: number }>(asRole(ownerUrl, copied.role, copied.password), 'select distinct team_id from team_members');
    expect(seen.rows).toEqual([{ team_id: a.id }]);
  });

  it('shows the region every team through the views, which run as the owner', async () => {
    const cases = await queryAs<{ team: string; hidden: boolean }>(
      asRole(ownerUrl, region.role, region.password),
      'select team, hidden from region_cases order by team',
    );
    expect(cases.rows).toEqual([
      { team: 'Ettervern Ofoten', hidden: true },
      { team: 'Ettervern Salten', hidden: true },
    ]);
    // The owner itself (not the region) sees through the same views only the team it names.
    const ownerSees = await queryAs<{ team: string }>(filling(a.id), 'select team from region_cases');
    expect(ownerSees.rows).toEqual([{ team: 'Ettervern Salten' }]);
  });
});
