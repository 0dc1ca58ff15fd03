import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MISSING_POPULATION_TEXT, costAndHelpTable, costByModelTable } from '@shared/tables/caseTables';
import { categoryId, createTestDatabase, municipalityId, type TestDatabase } from '../support/testDatabase';

/** The three cost models against sums done by hand, Rødøy's part year, and the messages for missing input. */
let t: TestDatabase;

beforeEach(async () => {
  t = await createTestDatabase({ now: '2024-06-15T10:00:00.000Z' });
});
afterEach(() => t.close());

const NAMES = ['Fauske', 'Sørfold', 'Hamarøy', 'Steigen', 'Saltdal', 'Meløy', 'Gildeskål', 'Beiarn', 'Rødøy'] as const;
type Name = (typeof NAMES)[number];
/** Populations for the worked examples (30 000 in all). */
const POPULATION_2021: Record<Name, number> = {
  Fauske: 8000,
  Sørfold: 2000,
  Hamarøy: 3000,
  Steigen: 2000,
  Saltdal: 5000,
  Meløy: 6000,
  Gildeskål: 2000,
  Beiarn: 1000,
  Rødøy: 1000,
};
const everyMunicipality = (population: number) => Object.fromEntries(NAMES.map((n) => [n, population])) as Record<Name, number>;

async function save(year: number, budget: number, populations: Partial<Record<Name, number | null>>, extraHours: Partial<Record<Name, number>> = {}) {
  return await t.okAsync('cost-share:save-settings', {
    year,
    version: (await t.okAsync('cost-share:get-settings', { year })).version,
    parameters: { budget, baseAmount: year === 2020 ? 60_000 : 50_000, bandRates: [1, 0.5, 0.25, 0.1], hourlyRate: 1000 },
    municipalities: NAMES.filter((n) => n in populations).map((n) => ({
      municipalityId: municipalityId(t, n),
      population: populations[n] ?? null,
      extraHours: extraHours[n] ?? 0,
    })),
  });
}

const row = async (year: number, name: Name) => (await t.okAsync('statistics:cost-share', { year })).rows.find((r) => r.municipality === name)!;

describe('cost share vs. share of help', () => {
  it('computes the three models for a small made-up budget, checked by hand', async () => {
    await save(2021, 1_000_000, POPULATION_2021, { Fauske: 100 });
    const figures = await t.okAsync('statistics:cost-share', { year: 2021 });
    expect(figures.problems).toEqual([]);
    expect(figures.rows).toHaveLength(9);
    expect(figures.total).toMatchObject({ population: 30_000, amount: 1_000_000 });
    // (1) 9 × 50 000 base; the other 550 000 by population: Fauske 50 000 + 550 000 × 8/30.
    // (2) Banded: Fauske 5 000 × 1 + 3 000 × 0,5 = 6 500 of 28 000 banded inhabitants.
    // (3) Shared service 1 000 000 − 450 000 − 100 h × 1 000 = 450 000 by population, plus Fauske's extra hours.
    expect((await row(2021, 'Fauske')).models).toEqual({
      equalBase: { amount: 196_667, share: 196_667 / 1_000_000 },
      bands: { amount: 232_143, share: 232_143 / 1_000_000 },
      extraServices: { amount: 270_000, share: 0.27 },
    });
    expect((await row(2021, 'Beiarn')).models).toEqual({
      equalBase: { amount: 68_333, share: 68_333 / 1_000_000 },
      bands: { amount: 35_714, share: 35_714 / 1_000_000 },
      extraServices: { amount: 65_000, share: 0.065 },
    });
    for (const model of ['equalBase', 'bands', 'extraServices'] as const) {
      const sum = figures.rows.reduce((s, r) => s + r.models![model].amount, 0);
      expect(Math.abs(sum - 1_000_000)).toBeLessThanOrEqual(5);
    }
  });

  it('sets the shares of hours, person-hours and cases beside it, with hours per 1 000 inhabitants', async () => {
    await save(2021, 900_000, POPULATION_2021);
    const jonas = (await t.addMember('jonas', 'Jonas Berg', 'JB')).id;
    const fauskeCase = t.ok('cases:create', { municipalityId: municipalityId(t, 'Fauske'), referralDate: '2021-03-01', staffIds: [t.member!.id] });
    const entry = async (name: Name, hours: number, participantIds: number[], caseCode: string | null = null) =>
      await t.okAsync('time-entries:create', {
        date: '2021-03-02',
        caseCode,
        municipalityId: municipalityId(t, name),
        categoryId: categoryId(t, 1),
        hours,
        participantIds,
        confirmOldDate: true,
        confirmDuplicate: true,
      });
    await entry('Fauske', 6, [t.member!.id, jonas], fauskeCase.code);
    await entry('Beiarn', 2, [t.member!.id]);

    expect(await row(2021, 'Fauske')).toMatchObject({
      hours: 6,
      hoursShare: 0.75,
      personHours: 12,
      personHoursShare: 12 / 14,
      cases: 1,
      casesShare: 1,
      hoursPerThousand: 0.75,
    });
    expect(await row(2021, 'Beiarn')).toMatchObject({ hours: 2, hoursShare: 0.25, personHours: 2, cases: 0, casesShare: 0, hoursPerThousand: 2 });
    expect((await t.okAsync('statistics:cost-share', { year: 2021 })).total).toMatchObject({ hours: 8, personHours: 14, cases: 1, hoursPerThousand: 8 / 30 });
  });

  it('counts Rødøy pro rata 4/12 in 2020, the year it joined on 1 September', async () => {
    await save(2020, 900_000, { ...everyMunicipality(1000), Rødøy: 1200 });
    const rodoy = await row(2020, 'Rødøy');
    expect(rodoy).toMatchObject({ memberMonths: 4, population: 1200, effectivePopulation: 400 });
    // Bases 8 × 60 000 + 60 000 × 4/12 = 500 000; the other 400 000 by 8 400 effective inhabitants.
    expect(rodoy.models!.equalBase.amount).toBe(Math.round(20_000 + (400_000 * 400) / 8400));
    expect((await row(2020, 'Fauske')).models!.equalBase.amount).toBe(Math.round(60_000 + (400_000 * 1000) / 8400));
    expect((await row(2021, 'Rødøy')).memberMonths).toBe(12);
  });

  it('names the municipality whose population is missing, and says when the budget is missing or zero', async () => {
    const nothing = await t.okAsync('statistics:cost-share', { year: 2031 });
    expect(nothing.problems).toContain('Budsjett mangler for 2031.');
    // One line, not one per municipality: nine of them buried the budget line in a ten-line box.
    expect(nothing.problems).toEqual(['Budsjett mangler for 2031.', 'Folketall mangler for alle kommunene for 2031.']);
    expect(nothing.rows.every((r) => r.models === null)).toBe(true);

    await save(2031, 0, { Fauske: 9700, Rødøy: null });
    const zero = await t.okAsync('statistics:cost-share', { year: 2031 });
    expect(zero.problems).toEqual([
      'Budsjettet for 2031 er 0 kr.',
      'Folketall mangler for Sørfold, Hamarøy, Steigen, Saltdal, Meløy, Gildeskål, Beiarn og Rødøy for 2031.',
    ]);
  });

  it('gives no figure per 1 000 inhabitants where the population is missing: «mangler innbyggertall», never 0', async () => {
    await save(2021, 1_000_000, { ...POPULATION_2021, Rødøy: null });
    const entry = { categoryId: categoryId(t, 1), participantIds: [t.member!.id], hours: 3, confirmOldDate: true };
    await t.okAsync('time-entries:create', { ...entry, date: '2021-05-03', municipalityId: municipalityId(t, 'Rødøy') });
    await t.okAsync('time-entries:create', { ...entry, date: '2021-05-04', municipalityId: municipalityId(t, 'Beiarn') });
    const dto = await t.okAsync('statistics:cost-share', { year: 2021 });
    expect(dto.problems).toEqual(['Folketall mangler for Rødøy for 2021.']);
    expect(dto.rows.find((r) => r.municipality === 'Rødøy')).toMatchObject({ hours: 3, hoursPerThousand: null, models: null });
    expect(dto.rows.find((r) => r.municipality === 'Beiarn')!.hoursPerThousand).toBe(3);
    // A total over eight of nine municipalities would be read as the whole team's.
    expect(dto.total.hoursPerThousand).toBeNull();

    const help = costAndHelpTable(dto);
    const perThousand = help.columns.findIndex((c) => c.key === 'hoursPerThousand');
    const cell = (label: string) => help.rows.find((r) => r.label === label)!.values[perThousand];
    expect(cell('Rødøy')).toBe(MISSING_POPULATION_TEXT);
    expect(cell('Beiarn')).toBe(3);
    expect(help.totalRow![perThousand]).toBe(MISSING_POPULATION_TEXT);
    const models = costByModelTable(dto);
    expect(models.rows.find((r) => r.label === 'Rødøy')!.values.slice(0, 2)).toEqual([MISSING_POPULATION_TEXT, null]);
  });

  it('says so when the base amounts exceed the budget', async () => {
    await save(2021, 100_000, everyMunicipality(1000));
    expect((await t.okAsync('statistics:cost-share', { year: 2021 })).problems).toEqual(['Grunnbeløpene er til sammen større enn budsjettet for 2021.']);
  });

  it('is seeded with populations for the nine members, readable by a team member, changed only by an administrator', async () => {
    const seeded = await t.okAsync('cost-share:get-settings', { year: 2024 });
    expect(seeded.municipalities.map((m) => m.municipality)).toEqual([...NAMES]);
    expect(seeded.municipalities.every((m) => m.population! > 900)).toBe(true);
    expect(seeded.parameters).toBeNull();
    // 2020: Rødøy is listed (it joined in September), and a member of 2020 only from then.
    expect((await t.okAsync('cost-share:get-settings', { year: 2020 })).municipalities.find((m) => m.municipality === 'Rødøy')!.memberFrom).toBe('2020-09-01');

    await t.addMember('jonas', 'Jonas Berg', 'JB');
    await t.signInAs('jonas');
    expect((await t.okAsync('cost-share:get-settings', { year: 2024 })).municipalities).toHaveLength(9);
    const before = t.count('audit_log');
    const refused = await t.callAsync('cost-share:save-settings', {
      year: 2024,
      version: (await t.okAsync('cost-share:get-settings', { year: 2024 })).version,
      parameters: { budget: 1, baseAmount: 0, bandRates: [1, 1, 1, 1], hourlyRate: 0 },
      municipalities: [],
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(t.count('audit_log')).toBe(before);
  });

  it('refuses a municipality that was not a member that year, writing nothing', async () => {
    const before = t.count('audit_log');
    const result = await t.callAsync('cost-share:save-settings', {
      year: 2024,
      version: (await t.okAsync('cost-share:get-settings', { year: 2024 })).version,
      parameters: { budget: 1_000_000, baseAmount: 0, bandRates: [1, 1, 1, 1], hourlyRate: 0 },
      municipalities: [{ municipalityId: municipalityId(t, 'Felles'), population: 10, extraHours: 0 }],
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(t.count('audit_log')).toBe(before);
    expect((await t.okAsync('cost-share:get-settings', { year: 2024 })).parameters).toBeNull();
  });
});
