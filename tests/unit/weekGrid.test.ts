import { describe, expect, it } from 'vitest';
import type { TimeEntryDto } from '@shared/contract';
import { isoWeek, mondayOf, weekDates } from '@renderer/features/time-entries/weekDates';
import { buildWeekRows, minutesOf } from '@renderer/features/time-entries/weekRows';
import { monthFilter, monthOf } from '@renderer/features/time-entries/monthFilter';

describe('ISO week numbers as Norwegian calendars print them', () => {
  it.each([
    ['2026-12-07', 50, 2026],
    ['2026-11-30', 49, 2026],
    ['2026-12-06', 49, 2026],
    ['2024-12-30', 1, 2025],
    ['2024-12-31', 1, 2025],
    ['2027-01-01', 53, 2026],
    ['2021-01-03', 53, 2020],
    ['2021-01-04', 1, 2021],
    ['2020-06-08', 24, 2020],
  ])('%s is in week %i of %i', (date, week, year) => {
    expect(isoWeek(date)).toEqual({ week, year });
  });

  it('starts the week on Monday, also across a year end', () => {
    expect(mondayOf('2026-12-06')).toBe('2026-11-30');
    expect(mondayOf('2026-11-30')).toBe('2026-11-30');
    expect(mondayOf('2027-01-01')).toBe('2026-12-28');
    expect(weekDates('2026-12-28')).toEqual(['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03']);
  });
});

let nextId = 1;
function entry(
  date: string,
  caseCode: string | null,
  municipality: [number, string],
  category: [number, number, string],
  minutes: number,
  extra: Partial<TimeEntryDto> = {},
): TimeEntryDto {
  return {
    id: nextId++,
    date,
    caseId: caseCode ? 1 : null,
    caseCode,
    municipalityId: municipality[0],
    municipalityName: municipality[1],
    categoryId: category[0],
    categoryNumber: category[1],
    categoryName: category[2],
    minutes,
    participants: [{ id: 7, initials: 'MS' }],
    municipalityOverrideReason: null,
    createdAt: '2020-06-08T10:00:00.000Z',
    updatedAt: '2020-06-08T10:00:00.000Z',
    version: 1,
    ...extra,
  };
}

describe('the week grid lines', () => {
  const week = weekDates('2020-06-08');
  const steigen: [number, string] = [4, 'Steigen'];
  const fauske: [number, string] = [1, 'Fauske'];
  const felles: [number, string] = [11, 'Felles'];
  const followUp: [number, number, string] = [1, 1, 'Brukeroppfølging'];
  const driving: [number, number, string] = [2, 2, 'Kjøring'];

  it('puts one line per case × category with each entry under its day, cases before shared work', () => {
    const rows = buildWeekRows(
      week,
      [
        entry('2020-06-09', null, felles, driving, 60),
        entry('2020-06-08', '02/20-ST', steigen, driving, 120),
        entry('2020-06-08', '02/20-ST', steigen, followUp, 90),
        entry('2020-06-10', '02/20-ST', steigen, followUp, 30),
        entry('2020-06-10', '02/20-ST', steigen, followUp, 60),
        // Outside the week: not shown.
        entry('2020-06-15', '02/20-ST', steigen, followUp, 60),
      ],
      [],
    );
    expect(rows.map((r) => [r.caseLabel, r.categoryLabel])).toEqual([
      ['02/20-ST', '1 Brukeroppfølging'],
      ['02/20-ST', '2 Kjøring'],
      ['Felles', '2 Kjøring'],
    ]);
    expect(rows[0]!.days.map((d) => d.map((e) => e.minutes))).toEqual([[90], [], [30, 60], [], [], [], []]);
    expect(rows[0]!.days.map(minutesOf)).toEqual([90, 0, 90, 0, 0, 0, 0]);
    expect(rows[2]!.days[1]!.map((e) => e.minutes)).toEqual([60]);
  });

  it('keeps an entry on another municipality than its case on a line of its own, with its reason', () => {
    const rows = buildWeekRows(
      week,
      [
        entry('2020-06-08', '02/20-ST', steigen, followUp, 90),
        entry('2020-06-09', '02/20-ST', fauske, followUp, 30, { municipalityOverrideReason: 'Møtet var på Fauske' }),
      ],
      [],
    );
    expect(rows).toHaveLength(2);
    const other = rows.find((r) => r.municipalityId === fauske[0])!;
    expect(other.municipalityNote).toBe('Fauske');
    expect(other.municipalityOverrideReason).toBe('Møtet var på Fauske');
  });

  it('appends added lines without entries once, and drops them when entries arrive for them', () => {
    const added = {
      caseCode: '02/20-ST',
      caseLabel: '02/20-ST',
      municipalityId: steigen[0],
      categoryId: driving[0],
      categoryLabel: '2 Kjøring',
      categoryNumber: 2,
      participantIds: [7, 8],
    };
    const empty = buildWeekRows(week, [entry('2020-06-08', null, felles, followUp, 60)], [added, added]);
    expect(empty.map((r) => r.caseLabel)).toEqual(['Felles', '02/20-ST']);
    expect(empty[1]!.participantIds).toEqual([7, 8]);
    expect(empty[1]!.days.flat()).toEqual([]);
    const filled = buildWeekRows(week, [entry('2020-06-08', '02/20-ST', steigen, driving, 60)], [added]);
    expect(filled).toHaveLength(1);
    expect(filled[0]!.days[0]).toHaveLength(1);
  });
});

describe('the list opens on this month', () => {
  it('covers the calendar month, February in a leap year too', () => {
    expect(monthOf('2026-12-07')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(monthOf('2024-02-10')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(monthFilter(3, '2026-12-07')).toEqual({ from: '2026-12-01', to: '2026-12-31', teamMemberId: 3 });
    expect(monthFilter(undefined, '2026-12-07')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });
});
