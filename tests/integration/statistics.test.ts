import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { logEntry } from '../support/logEntry';
import { categoryId, createTestDatabase, municipalityId, versionOf, type TestDatabase } from '../support/testDatabase';

interface Logged {
  date: string;
  municipality: string;
  category: number;
  minutes: number;
  people: number;
}

// Entries around both year ends, several in one cell, and two with two people.
const LOG: Logged[] = [
  { date: '2020-01-01', municipality: 'Steigen', category: 1, minutes: 90, people: 1 },
  { date: '2020-03-02', municipality: 'Steigen', category: 1, minutes: 60, people: 2 },
  { date: '2020-05-02', municipality: 'Steigen', category: 2, minutes: 240, people: 2 },
  { date: '2020-06-01', municipality: 'Fauske', category: 1, minutes: 30, people: 1 },
  { date: '2020-12-31', municipality: 'Felles', category: 7, minutes: 120, people: 1 },
  { date: '2020-02-03', municipality: 'Andre kommuner', category: 3, minutes: 60, people: 1 },
  { date: '2020-04-04', municipality: 'Sørfold', category: 5, minutes: 30, people: 1 },
  { date: '2019-12-31', municipality: 'Steigen', category: 1, minutes: 600, people: 1 },
  { date: '2021-01-01', municipality: 'Fauske', category: 2, minutes: 300, people: 1 },
];

let t: TestDatabase;

beforeEach(async () => {
  t = await createTestDatabase();
  const partner = await t.addMember('jonas', 'Jonas Berg', 'JB');
  for (const e of LOG) await logEntry(t, { ...e, participantIds: e.people === 2 ? [t.member!.id, partner.id] : [t.member!.id] });
});
afterEach(() => t.close());

function figures(entries: Logged[]) {
  const minutes = entries.reduce((s, e) => s + e.minutes, 0);
  const personMinutes = entries.reduce((s, e) => s + e.minutes * e.people, 0);
  return { minutes, hours: minutes / 60, personHours: personMinutes / 60, entries: entries.length };
}

describe('statistics:annual', () => {
  it('gives exact hours, person-hours and entry counts per municipality × category', async () => {
    const pivot = await t.okAsync('statistics:annual', { year: 2020 });
    const inYear = LOG.filter((e) => e.date.startsWith('2020'));
    expect(pivot).toMatchObject({ year: 2020, from: '2020-01-01', to: '2020-12-31' });
    expect(pivot.units).toEqual({ hours: 'timer', personHours: 'persontimer', entries: 'registreringer', cases: 'saker' });

    const cellKeys = [...new Set(inYear.map((e) => `${e.municipality}|${e.category}`))];
    expect(pivot.cells).toHaveLength(cellKeys.length);
    for (const key of cellKeys) {
      const [municipality, category] = key.split('|') as [string, string];
      const cell = pivot.cells.find((c) => c.municipality === municipality && c.categoryId === categoryId(t, Number(category)));
      expect(cell, key).toMatchObject(figures(inYear.filter((e) => e.municipality === municipality && e.category === Number(category))));
    }
    // Steigen × Brukeroppfølging: 1,5 + 1 timer in two entries, 1,5 + 2 person-hours.
    expect(pivot.cells.find((c) => c.municipality === 'Steigen' && c.category === 'Brukeroppfølging')).toMatchObject({
      hours: 2.5,
      personHours: 3.5,
      entries: 2,
    });
  });

  it('totals both axes and the whole year', async () => {
    const pivot = await t.okAsync('statistics:annual', { year: 2020 });
    const inYear = LOG.filter((e) => e.date.startsWith('2020'));
    expect(pivot.byMunicipality.map((m) => m.municipality)).toEqual((await t.okAsync('municipalities:list', {})).map((m) => m.name));
    for (const row of pivot.byMunicipality) {
      expect(row, row.municipality).toMatchObject(figures(inYear.filter((e) => e.municipality === row.municipality)));
    }
    for (const row of pivot.byCategory) {
      expect(row, row.category).toMatchObject(figures(inYear.filter((e) => categoryId(t, e.category) === row.categoryId)));
    }
    expect(pivot.total).toEqual(figures(inYear));
    expect(pivot.total).toEqual({ minutes: 630, hours: 10.5, personHours: 15.5, entries: 7 });
  });

  it('counts only its own year', async () => {
    expect((await t.okAsync('statistics:annual', { year: 2019 })).total).toEqual(figures(LOG.filter((e) => e.date.startsWith('2019'))));
    expect((await t.okAsync('statistics:annual', { year: 2021 })).total).toEqual({ minutes: 300, hours: 5, personHours: 5, entries: 1 });
  });

  it('gives empty cells and zero totals for a year without data', async () => {
    const pivot = await t.okAsync('statistics:annual', { year: 2023 });
    expect(pivot.cells).toEqual([]);
    const zero = { minutes: 0, hours: 0, personHours: 0, entries: 0 };
    expect(pivot.total).toEqual(zero);
    expect(pivot.byMunicipality).toHaveLength(11);
    expect(pivot.byMunicipality.every((m) => m.minutes === 0 && m.entries === 0 && m.personHours === 0)).toBe(true);
    expect(pivot.categories.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(pivot.byCategory.every((c) => c.minutes === 0 && c.entries === 0)).toBe(true);
  });

  it('hides a retired category in a year without time on it, and shows it where it has time', async () => {
    t.db.sqlite.prepare("update categories set retired_at = '2021-01-01' where number = 5").run();
    const with5 = await t.okAsync('statistics:annual', { year: 2020 });
    expect(with5.categories.map((c) => c.number)).toContain(5);
    expect(with5.byCategory.find((c) => c.categoryId === categoryId(t, 5))).toMatchObject({ minutes: 30, entries: 1 });

    for (const year of [2019, 2021, 2023]) {
      const without5 = await t.okAsync('statistics:annual', { year });
      expect(
        without5.categories.map((c) => c.number),
        String(year),
      ).toEqual([1, 2, 3, 4, 6, 7, 8, 9, 10]);
      expect(without5.byCategory.map((c) => c.categoryId)).not.toContain(categoryId(t, 5));
    }
  });

  it('sees a deleted entry disappear from the figures', async () => {
    const steigen = await t.okAsync('time-entries:list', { filter: { municipalityId: municipalityId(t, 'Steigen'), categoryId: categoryId(t, 2) } });
    await t.okAsync('time-entries:delete', { version: versionOf(t, 'time_entries', steigen.rows[0]!.id), id: steigen.rows[0]!.id });
    const pivot = await t.okAsync('statistics:annual', { year: 2020 });
    expect(pivot.cells.find((c) => c.municipality === 'Steigen' && c.category === 'Kjøring')).toBeUndefined();
    expect(pivot.total.minutes).toBe(630 - 240);
  });
});
