import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatisticsTableDto, TableValue } from '@shared/contract';
import { MUNICIPALITY_SEED } from '@shared/domain/municipalities';
import { caseFiguresTable, costAndHelpTable, costByModelTable } from '@shared/tables/caseTables';
import { noCases, noClosedCases, noComparedCases, noEntries, noHelp } from '@renderer/features/statistics/periodWithoutData';
import { logEntry } from '../support/logEntry';
import { createTestDatabase, municipalityId, type TestDatabase } from '../support/testDatabase';

/**
 * What the Statistikk tabs are given: municipalities in one order in every tab (the founding plan's, as
 * seeded), and a period without data recognised as such, so the tab says so instead of drawing zeros.
 */
const PLAN_ORDER = MUNICIPALITY_SEED.map((m) => m.name);

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase({ now: '2021-03-01T10:00:00.000Z' });
  const me = [t.member!.id];
  // Logged against the plan's order and the alphabet both (Rødøy first, Beiarn before Fauske), so an
  // order by id, by name or by amount would show.
  const order = ['Rødøy', 'Beiarn', 'Andre kommuner', 'Saltdal', 'Fauske', 'Felles', 'Sørfold', 'Hamarøy'];
  order.forEach(async (municipality, i) => {
    await logEntry(t, { date: `2020-10-${String(10 + i).padStart(2, '0')}`, municipality, category: 1 + (i % 3), minutes: 60 * (i + 1), participantIds: me });
  });
  for (const municipality of ['Rødøy', 'Gildeskål', 'Beiarn', 'Fauske']) {
    const created = t.ok('cases:create', { municipalityId: municipalityId(t, municipality), referralDate: '2020-11-02', staffIds: me });
    await logEntry(t, { date: '2020-11-03', municipality, category: 4, minutes: 30, participantIds: me, caseCode: created.code! });
  }
}, 60_000);
afterAll(() => t.close());

/** The municipalities among `labels` («Rødøy (4/12)» is Rødøy), which must all be known ones. */
function municipalities(labels: string[]): string[] {
  const names = labels.map((l) => l.replace(/ \(\d+\/12\)$/u, '')).filter((l) => l !== 'Totalsum');
  for (const name of names) expect(PLAN_ORDER, `«${name}» is a municipality`).toContain(name);
  return names;
}

function expectPlanOrder(what: string, labels: string[]) {
  const names = municipalities(labels);
  expect(names.length, `${what}: has rows`).toBeGreaterThan(1);
  expect(names, what).toEqual([...names].sort((a, b) => PLAN_ORDER.indexOf(a) - PLAN_ORDER.indexOf(b)));
}

const rowLabels = (table: StatisticsTableDto<TableValue>) => table.rows.map((r) => r.label);

describe('one municipality order in every Statistikk tab', () => {
  const period = { year: 2020 };

  it('is the founding plan order: Fauske, Sørfold, Hamarøy, Steigen, Saltdal, Meløy, Gildeskål, Beiarn, Rødøy, then the two others', async () => {
    expect(PLAN_ORDER).toEqual(['Fauske', 'Sørfold', 'Hamarøy', 'Steigen', 'Saltdal', 'Meløy', 'Gildeskål', 'Beiarn', 'Rødøy', 'Andre kommuner', 'Felles']);
    expect((await t.okAsync('municipalities:list', {})).map((m) => m.name)).toEqual(PLAN_ORDER);
  });

  it('Pivot: municipalities as rows and as columns, for hours and for distinct cases', async () => {
    for (const measure of ['hours', 'cases'] as const) {
      const asRows = await t.okAsync('statistics:pivot', { period, rows: 'municipality', columns: 'category', measure });
      expectPlanOrder(`pivot rows (${measure})`, rowLabels(asRows.table));
      const asColumns = await t.okAsync('statistics:pivot', { period, rows: 'category', columns: 'municipality', measure });
      expectPlanOrder(
        `pivot columns (${measure})`,
        asColumns.table.columns.map((c) => c.label),
      );
    }
  });

  it('Faste tabeller: each of the three tables', async () => {
    const { tables } = await t.okAsync('statistics:familiar-tables', { period });
    for (const table of tables.filter((x) => x.rows.length > 1)) expectPlanOrder(`familiar table ${table.key}`, rowLabels(table.table));
    expect(tables.some((x) => x.rows.length > 1)).toBe(true);
  });

  it('Saker, Kostnad og hjelp and the annual figures behind the report', async () => {
    expectPlanOrder('case figures', rowLabels(caseFiguresTable(await t.okAsync('statistics:case-figures', { period }), '2020')));
    const cost = await t.okAsync('statistics:cost-share', { year: 2020 });
    expectPlanOrder('cost and help', rowLabels(costAndHelpTable(cost)));
    expectPlanOrder('cost by model', rowLabels(costByModelTable(cost)));
    expectPlanOrder(
      'statistics:annual',
      (await t.okAsync('statistics:annual', { year: 2020 })).byMunicipality.map((m) => m.municipality),
    );
  });
});

describe('a period without data', () => {
  const empty = { year: 2019 };

  it('is recognised by every tab as empty, with nothing but zeros in what the services return', async () => {
    expect((await t.okAsync('statistics:pivot', { period: empty, rows: 'municipality', columns: 'category', measure: 'hours' })).table.rows).toEqual([]);
    expect(noEntries(await t.okAsync('statistics:familiar-tables', { period: empty }))).toBe(true);
    expect(noCases(await t.okAsync('statistics:case-figures', { period: empty }))).toBe(true);
    expect(noClosedCases(await t.okAsync('statistics:lasting-change', { period: empty }))).toBe(true);
    // 2019: before the team started, so no member municipality at all; 2022: members, but no help.
    expect((await t.okAsync('statistics:cost-share', { year: 2019 })).rows).toEqual([]);
    expect(noHelp(await t.okAsync('statistics:cost-share', { year: 2022 }))).toBe(true);
  });

  it('is not taken for empty when there is something to show', async () => {
    const period = { year: 2020 };
    expect(noEntries(await t.okAsync('statistics:familiar-tables', { period }))).toBe(false);
    expect(noCases(await t.okAsync('statistics:case-figures', { period }))).toBe(false);
    expect(noHelp(await t.okAsync('statistics:cost-share', { year: 2020 }))).toBe(false);
    // Cases referred in 2020 but none closed: nothing to compare yet, and each comparison says so.
    const change = await t.okAsync('statistics:lasting-change', { period });
    expect(noClosedCases(change)).toBe(true);
    expect(change.comparisons.every(noComparedCases)).toBe(true);
  });

  it('counts a case active at the end of a later period, with no new referral, as something to show', async () => {
    expect(noCases(await t.okAsync('statistics:case-figures', { period: { year: 2021 } }))).toBe(false);
  });
});
