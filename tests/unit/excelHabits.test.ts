import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, parseDateInput } from '@shared/dates';
import { formatHours, formatNorwegianDate } from '@shared/format';
import { MAX_MINUTES_PER_ENTRY, MINUTES_PER_STEP, parseHours } from '@shared/hours';

/** Dates and durations typed the way the team types them into Excel, read by one shared parser. */
const TODAY = '2024-12-05';

/** Any real calendar date between 1900 and 2999, as ISO. */
const isoDate = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2999-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
/** Every duration an entry may have: whole and half hours up to a day. */
const entryMinutes = fc.integer({ min: 1, max: MAX_MINUTES_PER_ENTRY / MINUTES_PER_STEP }).map((steps) => steps * MINUTES_PER_STEP);

describe('dates typed out of Excel habit', () => {
  it.each([
    ['3.12', '2024-12-03'],
    ['3/12', '2024-12-03'],
    ['03.12', '2024-12-03'],
    ['3.12.', '2024-12-03'],
    ['031224', '2024-12-03'],
    ['03122024', '2024-12-03'],
    ['03.12.24', '2024-12-03'],
    ['3.12.2024', '2024-12-03'],
    ['2024-12-03', '2024-12-03'],
    ['i dag', '2024-12-05'],
    ['I dag', '2024-12-05'],
    ['idag', '2024-12-05'],
    ['i går', '2024-12-04'],
    ['i  morgen', '2024-12-06'],
  ])('reads %j as %s', (text, iso) => {
    expect(parseDateInput(text, TODAY)).toBe(iso);
  });

  it.each(['31.2', '310224', '32.12', '3.13', '', 'i forgårs', '3.12.2', '1234567', 'abc'])('refuses %j', (text) => {
    expect(parseDateInput(text, TODAY)).toBeNull();
  });

  it('reads back every date it formats (dd.mm.yyyy, dd.mm.yy, ddmmyy, d.m this year)', () => {
    fc.assert(
      fc.property(isoDate, isoDate, (date, today) => {
        const [y, m, d] = date.split('-');
        expect(parseDateInput(formatNorwegianDate(date), today)).toBe(date);
        if (y!.startsWith('20')) {
          expect(parseDateInput(`${d}.${m}.${y!.slice(2)}`, today)).toBe(date);
          expect(parseDateInput(`${d}${m}${y!.slice(2)}`, today)).toBe(date);
        }
        const thisYear = `${today.slice(0, 4)}-${m}-${d}`;
        const expected = parseDateInput(`${Number(d)}.${Number(m)}`, today);
        // 29.02 has no date in a year that is not a leap year.
        expect(expected === null ? thisYear.endsWith('-02-29') : expected === thisYear).toBe(true);
      }),
    );
  });

  it('reads «i går» as the day before today, for any today', () => {
    fc.assert(
      fc.property(isoDate, (today) => {
        expect(parseDateInput('i går', today)).toBe(addDays(today, -1));
      }),
    );
  });

  it('never throws, and gives a real ISO date or null', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 14 }), isoDate, (text, today) => {
        const parsed = parseDateInput(text, today);
        expect(parsed === null || /^\d{4}-\d{2}-\d{2}$/.test(parsed)).toBe(true);
      }),
    );
  });
});

describe('durations typed out of Excel habit', () => {
  it.each([
    ['1:30', 90],
    ['0:30', 30],
    ['24:00', 1440],
    ['1t 30m', 90],
    ['1t30m', 90],
    ['1 t 30 min', 90],
    ['2t', 120],
    ['2 timer', 120],
    ['90m', 90],
    ['90 min', 90],
    ['30m', 30],
    ['1,5', 90],
    ['1.5', 90],
  ])('reads %j as %i minutes', (text, minutes) => {
    expect(parseHours(text)).toEqual({ ok: true, minutes });
  });

  it.each(['1:15', '1:60', '45m', '1t 15m', ':30', '1:3', 't', 'm'])('refuses %j', (text) => {
    expect(parseHours(text).ok).toBe(false);
  });

  it('reads back every duration it formats, as hours with a comma, h:mm, «Nt Mm» and minutes', () => {
    fc.assert(
      fc.property(entryMinutes, (minutes) => {
        const h = Math.floor(minutes / 60);
        const m = minutes % 60;
        for (const text of [formatHours(minutes), `${h}:${String(m).padStart(2, '0')}`, `${h}t ${m}m`, `${minutes}m`]) {
          expect(parseHours(text)).toEqual({ ok: true, minutes });
        }
      }),
    );
  });

  it('never throws, and gives whole or half hours within a day or a Norwegian message', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 12 }), fc.double()), (input) => {
        const parsed = parseHours(input);
        if (parsed.ok) expect(parsed.minutes % MINUTES_PER_STEP === 0 && parsed.minutes > 0 && parsed.minutes <= MAX_MINUTES_PER_ENTRY).toBe(true);
        else expect(parsed.message).toMatch(/^Tidsbruk /);
      }),
    );
  });
});
