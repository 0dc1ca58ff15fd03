import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPostgresDatabase, type TestPostgresDatabase } from '../support/postgresDatabase';

/**
 * The checks whose wording differs between the engines (engineDdl.ts and the PostgreSQL-only functions) refuse
 * and accept the same values on PostgreSQL as on SQLite.
 */
const NOW = '2020-06-15T10:00:00.000Z';

describe('checks spelled per engine, on PostgreSQL', () => {
  let db: TestPostgresDatabase;
  let municipality: number;
  let category: number;
  beforeAll(async () => {
    db = await freshPostgresDatabase();
    municipality = (await sql<{ id: number }>`select min(id) as id from municipalities`.execute(db.kysely)).rows[0]!.id;
    category = (await sql<{ id: number }>`select min(id) as id from categories`.execute(db.kysely)).rows[0]!.id;
  });
  afterAll(() => db.drop());

  const insertEntry = (date: string) =>
    sql`insert into time_entries (entry_date, municipality_id, category_id, minutes, source, created_at, updated_at)
      values (${date}, ${municipality}, ${category}, 30, 'manual', ${NOW}, ${NOW})`.execute(db.kysely);

  it('takes an ISO entry date and refuses what SQLite’s glob refuses', async () => {
    await insertEntry('2020-02-29');
    for (const bad of ['2020-2-29', '3020-01-01', '2020-01-01x', ' 2020-01-01', '2020/01/01', '2020-21-01']) {
      await expect(insertEntry(bad), bad).rejects.toThrow(/check constraint/);
    }
  });

  it('assigns row ids when none is given, and takes one that is', async () => {
    const row = await sql<{ id: number }>`insert into team_members (username, display_name, initials, role, created_at)
      values ('kari', 'Kari', 'KA', 'teammedlem', ${NOW}) returning id`.execute(db.kysely);
    expect(row.rows[0]!.id).toBeGreaterThan(0);
    await sql`insert into team_members (id, username, display_name, initials, role, created_at)
      values (1000, 'ola', 'Ola', 'OL', 'teammedlem', ${NOW})`.execute(db.kysely);
  });

  it('takes only valid JSON as a setting value', async () => {
    await sql`insert into settings (key, value, updated_at) values ('a', '{"x": [1, 2]}', ${NOW})`.execute(db.kysely);
    await expect(sql`insert into settings (key, value, updated_at) values ('b', '{x: 1}', ${NOW})`.execute(db.kysely)).rejects.toThrow(/check constraint/);
  });

  it('takes an ISO decision date for a missed after-contact and refuses others', async () => {
    const caseId = (
      await sql<{ id: number }>`insert into cases (code, municipality_id, year, running_number, status, created_at, updated_at)
        values ('X-2020-1', ${municipality}, 2020, 1, 'avsluttet', ${NOW}, ${NOW}) returning id`.execute(db.kysely)
    ).rows[0]!.id;
    const insert = (date: string) =>
      sql`insert into after_contact_not_possible (case_id, decided_on, reason, created_at, updated_at)
        values (${caseId}, ${date}, 'flyttet', ${NOW}, ${NOW})`.execute(db.kysely);
    await expect(insert('15.06.2020')).rejects.toThrow(/check constraint/);
    await insert('2020-06-15');
  });

  it('stores bytes and fractions', async () => {
    await sql`insert into document_templates (kind, version, file_name, content, size_bytes, uploaded_at)
      values ('closure-report', 1, 'mal.docx', ${Buffer.from([0, 255, 1])}, 3, ${NOW})`.execute(db.kysely);
    const stored = await sql<{ content: Buffer }>`select content from document_templates`.execute(db.kysely);
    expect([...stored.rows[0]!.content]).toEqual([0, 255, 1]);
    await sql`update municipality_years set extra_hours = 12.25 where municipality_id = ${municipality}`.execute(db.kysely);
    const hours = await sql<{ extra_hours: number }>`select distinct extra_hours from municipality_years where municipality_id = ${municipality}`.execute(
      db.kysely,
    );
    // An integer column would have rounded it silently.
    expect(hours.rows).toEqual([{ extra_hours: 12.25 }]);
  });

  it("takes a record version past 2^31, as an annual report text written afresh starts at the save's time in ms", async () => {
    const version = Date.parse('2020-12-31T15:00:00.000Z');
    await sql`insert into annual_report_texts (year, section, text, updated_at, version) values (2020, 'cases', 'Tekst', ${NOW}, ${version})`.execute(
      db.kysely,
    );
    const stored = await sql<{ version: number }>`select version from annual_report_texts where year = 2020`.execute(db.kysely);
    expect(stored.rows).toEqual([{ version }]);
  });
});
