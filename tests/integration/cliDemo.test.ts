import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnnualPivotDto, ChannelName } from '@shared/contract';
import { openDatabase, type AppDatabase } from '../../electron/db/open';
import { createDispatcher } from '../../electron/services/dispatcher';
import { createDemoData, DemoError } from '../../electron/cli/demo/createDemoData';
import type { DemoSummary } from '../../electron/cli/demo/summary';
import { DEMO_PROJECT_LEADER } from '../../electron/cli/demo/staff';
import { ANNUAL_REPORT_SECTION_KEYS } from '@shared/domain/annualReport';

const dir = mkdtempSync(join(tmpdir(), 'ettervern-demo-'));
const opened: AppDatabase[] = [];

async function demo(name: string, toYear: number, seed: number): Promise<{ db: AppDatabase; summary: DemoSummary }> {
  const db = await openDatabase(join(dir, `${name}.sqlite`));
  opened.push(db);
  return { db, summary: await createDemoData({ db }, { toYear, seed }) };
}

/** Every row of every table except Kysely's own bookkeeping (it records when the migrations ran). */
function dump(db: AppDatabase): Record<string, unknown[]> {
  const tables = db.sqlite
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%' order by name")
    .all() as { name: string }[];
  // Password hashes carry a random salt by design; everything else must repeat exactly.
  const withoutSalt = (row: unknown) => JSON.stringify({ ...(row as object), password_hash: undefined });
  return Object.fromEntries(tables.map(({ name }) => [name, db.sqlite.prepare(`select * from "${name}"`).all().map(withoutSalt).sort()]));
}

async function pivot(db: AppDatabase, year: number): Promise<AnnualPivotDto> {
  // A reader signed in directly on the session: the figures, not signing in, are under test here.
  const session = { actor: { id: 1, username: DEMO_PROJECT_LEADER.username, role: 'administrator' as const } };
  const result = await createDispatcher({ db, session }).dispatchAsync('statistics:annual' satisfies ChannelName, { year });
  if (!result.ok) throw new Error(result.error.message);
  return result.value as AnnualPivotDto;
}

function scalar(db: AppDatabase, sql: string, ...params: unknown[]): number {
  return Object.values(db.sqlite.prepare(sql).get(...params) as Record<string, number>)[0]!;
}

let twoYears: { db: AppDatabase; summary: DemoSummary };

beforeAll(async () => {
  twoYears = await demo('two-years', 2021, 11);
}, 120_000);

afterAll(() => {
  for (const db of opened) db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('demo determinism', () => {
  it('gives identical tables for the same seed and year, and different ones for another seed', async () => {
    const first = await demo('a', 2020, 5);
    const again = await demo('b', 2020, 5);
    const other = await demo('c', 2020, 6);
    const reference = dump(first.db);
    expect((reference.time_entries ?? []).length).toBeGreaterThan(0);
    expect(dump(again.db)).toEqual(reference);
    expect(again.summary).toEqual(first.summary);
    const changed = dump(other.db);
    expect(changed.time_entries).not.toEqual(reference.time_entries);
    expect(changed.cases).not.toEqual(reference.cases);
  }, 120_000);
});

describe('demo contents (2020–2021)', () => {
  const years = [2020, 2021];

  it('has the team: four therapists and one administrator', () => {
    const { db, summary } = twoYears;
    expect(summary.members).toBe(5);
    expect(scalar(db, "select count(*) from team_members where role = 'teammedlem'")).toBe(4);
    expect(scalar(db, "select count(*) from team_members where role = 'administrator'")).toBe(1);
  });

  it.each(years)('has 15–40 cases and 2,000–5,000 entries in %i, as the summary says', (year) => {
    const { db, summary } = twoYears;
    const cases = scalar(db, 'select count(*) from cases where year = ?', year);
    const entries = scalar(db, 'select count(*) from time_entries where entry_date between ? and ?', `${year}-01-01`, `${year}-12-31`);
    expect(cases).toBeGreaterThanOrEqual(15);
    expect(cases).toBeLessThanOrEqual(40);
    expect(entries).toBeGreaterThanOrEqual(2000);
    expect(entries).toBeLessThanOrEqual(5000);
    expect(summary.perYear.find((y) => y.year === year)).toMatchObject({ cases, entries });
  });

  it('gives every case two staff', () => {
    const { db } = twoYears;
    expect(scalar(db, 'select count(*) from cases')).toBeGreaterThan(0);
    expect(scalar(db, 'select count(*) from cases c where (select count(*) from case_staff s where s.case_id = c.id) <> 2')).toBe(0);
  });

  it('never has a person working more than 24 hours in a day', () => {
    const most = scalar(
      twoYears.db,
      `select max(total) from (select sum(t.minutes) as total from time_entry_participants p
         join time_entries t on t.id = p.time_entry_id group by p.team_member_id, t.entry_date)`,
    );
    expect(most).toBeGreaterThan(0);
    expect(most).toBeLessThanOrEqual(24 * 60);
  });

  it('logs mostly two participants, on weekdays, all as demo data', () => {
    const { db } = twoYears;
    const total = scalar(db, 'select count(*) from time_entries');
    expect(scalar(db, 'select count(*) from time_entries where participant_count >= 2') / total).toBeGreaterThan(0.5);
    expect(scalar(db, "select count(*) from time_entries where strftime('%w', entry_date) in ('0', '6')") / total).toBeLessThan(0.1);
    expect(scalar(db, "select count(*) from time_entries where source <> 'demo'")).toBe(0);
  });

  it.each(years)('has Fauske with the most hours and Brukeroppfølging as the largest category in %i', async (year) => {
    const stats = await pivot(twoYears.db, year);
    const byHours = <T extends { hours: number }>(rows: T[]) => [...rows].sort((a, b) => b.hours - a.hours);
    expect(byHours(stats.byMunicipality)[0]!.municipality).toBe('Fauske');
    expect(
      byHours(stats.byCategory)
        .map((c) => c.category)
        .slice(0, 2),
    ).toEqual(['Brukeroppfølging', 'Kjøring']);
    // Shared work sits on «Felles» without a case; some partner work on «Andre kommuner».
    expect(stats.cells.some((c) => c.municipality === 'Felles' && c.category === 'Veiledning fra prosjektleder')).toBe(true);
    expect(stats.cells.some((c) => c.municipality === 'Andre kommuner' && c.category === 'Samarbeidspartnere')).toBe(true);
  });

  it('has Administrasjonsarbeid in 2020 only', async () => {
    const admin = async (year: number) => (await pivot(twoYears.db, year)).byCategory.find((c) => c.category === 'Administrasjonsarbeid')?.entries ?? 0;
    expect(await admin(2020)).toBeGreaterThan(0);
    expect(await admin(2021)).toBe(0);
  });

  it('has nothing for Rødøy before it joined on 1 September 2020', () => {
    const { db } = twoYears;
    const rodoy = "(select id from municipalities where name = 'Rødøy')";
    expect(scalar(db, `select count(*) from cases where municipality_id = ${rodoy} and referral_date < '2020-09-01'`)).toBe(0);
    expect(scalar(db, `select count(*) from time_entries where municipality_id = ${rodoy} and entry_date < '2020-09-01'`)).toBe(0);
  });

  it('keeps shared work without a case and case work dated within its case', () => {
    const { db } = twoYears;
    expect(
      scalar(db, "select count(*) from time_entries t join municipalities m on m.id = t.municipality_id where m.name = 'Felles' and t.case_id is not null"),
    ).toBe(0);
    expect(scalar(db, 'select count(*) from time_entries t join cases c on c.id = t.case_id where t.entry_date < c.referral_date')).toBe(0);
  });

  it('writes through the services: every entry and case is in the audit log', () => {
    const { db } = twoYears;
    expect(scalar(db, "select count(*) from audit_log where record_type = 'time_entry' and action = 'create'")).toBe(
      scalar(db, 'select count(*) from time_entries'),
    );
    expect(scalar(db, "select count(*) from audit_log where record_type = 'case' and action = 'create'")).toBe(scalar(db, 'select count(*) from cases'));
  });

  it('holds cases in every lifecycle state, with the data each state needs', () => {
    const { db } = twoYears;
    const statuses = (db.sqlite.prepare('select distinct status from cases').all() as { status: string }[]).map((r) => r.status).sort();
    for (const s of ['henvist', 'institusjonsfase', 'oppfolging', 'etteroppfolging_utfort']) expect(statuses, s).toContain(s);
    expect(
      scalar(db, "select count(*) from cases where status in ('oppfolging', 'avsluttet', 'etteroppfolging_utfort') and risk_assessment_done is not 1"),
    ).toBe(0);
    expect(scalar(db, "select count(*) from cases where status = 'etteroppfolging_utfort' and after_contact_date < closed_date")).toBe(0);
    expect(
      scalar(
        db,
        "select count(*) from cases c where status <> 'henvist' and not exists (select 1 from case_transitions t where t.case_id = c.id and t.to_status = c.status)",
      ),
    ).toBe(0);
    for (const table of ['case_goals', 'case_domain_ratings', 'contacts', 'contact_people', 'case_contacts', 'network_events', 'network_event_contacts']) {
      expect(scalar(db, `select count(*) from ${table}`), table).toBeGreaterThan(0);
    }
    expect(scalar(db, 'select count(distinct occasion) from case_domain_ratings')).toBe(3);
    expect(scalar(db, "select count(*) from audit_log where action = 'transition'")).toBe(
      scalar(db, 'select count(*) from case_transitions where from_status is not null'),
    );
  });

  it('writes every annual report chapter for every year, with the Markdown the report renders', () => {
    const texts = twoYears.db.sqlite.prepare('select year, section, text from annual_report_texts order by year').all() as {
      year: number;
      section: string;
      text: string;
    }[];
    for (const year of [2020, 2021]) {
      const written = texts.filter((t) => t.year === year);
      expect(written.map((t) => t.section).sort()).toEqual(ANNUAL_REPORT_SECTION_KEYS.slice().sort());
      expect(written.every((t) => t.text.length > 100)).toBe(true);
    }
    expect(texts.find((t) => t.year === 2020 && t.section === 'team')!.text).toContain('## Fagutvikling');
    // The years differ: a demo report is about its own year.
    expect(texts.find((t) => t.year === 2021 && t.section === 'plans')!.text).toContain('I 2022 vil teamet');
  });

  it('refuses a database that already has team members', async () => {
    await expect(createDemoData({ db: twoYears.db }, { toYear: 2020, seed: 1 })).rejects.toThrow(DemoError);
  });
});
