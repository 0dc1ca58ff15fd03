import { describe, expect, it } from 'vitest';
import { addDays, daysInMonth, isIsoDate, isoDateInOslo, parseNorwegianDate, toIsoDate, yearRange } from '@shared/dates';
import { formatNorwegianDate, formatNorwegianDateTime } from '@shared/format';

describe('isIsoDate', () => {
  it.each(['2020-02-29', '2020-01-01', '2020-12-31', '2021-02-28', '2000-02-29'])('accepts %s', (date) => {
    expect(isIsoDate(date)).toBe(true);
  });

  it.each([
    '2020-02-30',
    '2021-02-29',
    '1900-02-29',
    '2020-04-31',
    '2020-13-01',
    '2020-00-10',
    '2020-01-00',
    '2020-1-1',
    '20-01-01',
    '2020/01/01',
    '03.02.2020',
    'i går',
    '',
    '2020-01-01T00:00',
  ])('refuses %j', (date) => {
    expect(isIsoDate(date)).toBe(false);
  });
});

describe('parseNorwegianDate', () => {
  it.each([
    ['03.02.2020', '2020-02-03'],
    ['3.2.20', '2020-02-03'],
    ['3.2.2020', '2020-02-03'],
    ['29.02.2020', '2020-02-29'],
    [' 31.12.2021 ', '2021-12-31'],
    ['2020-02-03', '2020-02-03'],
  ])('reads %j as %s', (input, iso) => {
    expect(parseNorwegianDate(input)).toBe(iso);
  });

  it.each(['30.02.2020', '29.02.2021', '32.01.2020', '01.13.2020', '3.2', 'i går', '2020-02-30', '', '03.02.020'])('refuses %j', (input) => {
    expect(parseNorwegianDate(input)).toBeNull();
  });
});

describe('calendar helpers', () => {
  it('knows the length of February', () => {
    expect(daysInMonth(2020, 2)).toBe(29);
    expect(daysInMonth(2021, 2)).toBe(28);
    expect(daysInMonth(2100, 2)).toBe(28);
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2020-02-28', 1)).toBe('2020-02-29');
    expect(addDays('2020-12-31', 1)).toBe('2021-01-01');
    expect(addDays('2020-03-01', -1)).toBe('2020-02-29');
    expect(addDays('2020-06-15', 7)).toBe('2020-06-22');
  });

  it('gives the calendar year as a range', () => {
    expect(yearRange(2020)).toEqual({ from: '2020-01-01', to: '2020-12-31' });
    expect(toIsoDate(2020, 3, 5)).toBe('2020-03-05');
  });

  it('reads the date in Norway, not in UTC', () => {
    // 23:30 UTC on 31 December is already New Year in Oslo (UTC+1 in winter).
    expect(isoDateInOslo(new Date('2020-12-31T23:30:00Z'))).toBe('2021-01-01');
    // 22:30 UTC on a summer day is 00:30 the next day in Oslo (UTC+2).
    expect(isoDateInOslo(new Date('2020-06-15T22:30:00Z'))).toBe('2020-06-16');
    expect(isoDateInOslo(new Date('2020-06-15T21:30:00Z'))).toBe('2020-06-15');
  });
});

describe('Norwegian date formatting', () => {
  it('writes dd.mm.yyyy', () => {
    expect(formatNorwegianDate('2020-02-03')).toBe('03.02.2020');
    expect(formatNorwegianDate('2021-12-31')).toBe('31.12.2021');
  });

  it('writes a timestamp in Norwegian local time', () => {
    expect(formatNorwegianDateTime('2020-06-15T10:05:00Z')).toBe('15.06.2020 12:05');
    expect(formatNorwegianDateTime('2020-01-15T10:05:00Z')).toBe('15.01.2020 11:05');
  });
});
