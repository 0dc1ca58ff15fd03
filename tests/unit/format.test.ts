import { describe, expect, it } from 'vitest';
import { formatHours, formatHoursWithUnit, formatInteger, formatTimeTotals, minutesToHours } from '@shared/format';

describe('Norwegian number formatting', () => {
  it('writes hours with a decimal comma', () => {
    expect(formatHours(90)).toBe('1,5');
    expect(formatHours(30)).toBe('0,5');
    expect(formatHours(120)).toBe('2');
    expect(formatHours(0)).toBe('0');
  });

  it('groups thousands with a space', () => {
    expect(formatHours(1234 * 60 + 30)).toBe('1 234,5');
    expect(formatInteger(1234567)).toBe('1 234 567');
    expect(formatInteger(999)).toBe('999');
  });

  it('uses the unit in singular for one hour', () => {
    expect(formatHoursWithUnit(90)).toBe('1,5 timer');
    expect(formatHoursWithUnit(60)).toBe('1 time');
    expect(formatHoursWithUnit(120)).toBe('2 timer');
  });

  it('converts minutes to hours', () => {
    expect(minutesToHours(90)).toBe(1.5);
  });
});

describe('formatTimeTotals', () => {
  it('names every unit, in the singular only for exactly one', () => {
    expect(formatTimeTotals({ minutes: 60, personMinutes: 60, entries: 1 })).toBe('1 time · 1 persontime · 1 registrering');
    expect(formatTimeTotals({ minutes: 90, personMinutes: 180, entries: 2 })).toBe('1,5 timer · 3 persontimer · 2 registreringer');
    expect(formatTimeTotals({ minutes: 0, personMinutes: 0, entries: 0 })).toBe('0 timer · 0 persontimer · 0 registreringer');
    expect(formatTimeTotals({ minutes: 75_000, personMinutes: 150_000, entries: 1234 })).toBe('1 250 timer · 2 500 persontimer · 1 234 registreringer');
  });
});
