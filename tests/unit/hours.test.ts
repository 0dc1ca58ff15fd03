import { describe, expect, it } from 'vitest';
import { HOURS_MESSAGES, isValidEntryMinutes, minutesFromHours, parseHours } from '@shared/hours';

describe('parseHours', () => {
  it.each([
    ['1,5', 90],
    ['1.5', 90],
    ['1½', 90],
    ['½', 30],
    ['2', 120],
    [' 3 ', 180],
    ['1 ½', 90],
    ['0,5', 30],
    ['24', 1440],
    ['23,5', 1410],
    ['1,50', 90],
  ])('reads %j as %i minutes', (input, minutes) => {
    expect(parseHours(input)).toEqual({ ok: true, minutes });
  });

  it.each([
    [1.5, 90],
    [2, 120],
    [0.5, 30],
  ])('reads the number %d as %i minutes', (input, minutes) => {
    expect(parseHours(input)).toEqual({ ok: true, minutes });
  });

  it.each(['0,25', '1,25', '0.1', '2,75', '1,333'])('refuses %j: not whole or half hours', (input) => {
    expect(parseHours(input)).toEqual({ ok: false, message: 'Tidsbruk må være i hele eller halve timer' });
  });

  it.each(['0', '0,0', 0, -1, -0.5])('refuses %j: not more than zero', (input) => {
    expect(parseHours(input)).toEqual({ ok: false, message: HOURS_MESSAGES.notPositive });
  });

  it.each(['-1', 'abc', '', ' ', '1,5,5', '1 5', '1..5', '1,5t', 'en'])('refuses %j: not a number', (input) => {
    expect(parseHours(input)).toEqual({ ok: false, message: HOURS_MESSAGES.notANumber });
  });

  it.each([24.5, '24,5', 25, '100'])('refuses %j: more than 24 hours', (input) => {
    expect(parseHours(input)).toEqual({ ok: false, message: HOURS_MESSAGES.tooLarge });
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])('refuses %d', (input) => {
    expect(parseHours(input)).toEqual({ ok: false, message: HOURS_MESSAGES.notANumber });
  });

  it('never turns a positive amount into zero minutes', () => {
    const parsed = parseHours(1e-10);
    expect(parsed.ok).toBe(false);
  });

  it('the messages are Norwegian', () => {
    expect(HOURS_MESSAGES.notHalfHour).toBe('Tidsbruk må være i hele eller halve timer');
    expect(minutesFromHours(0.25)).toEqual({ ok: false, message: HOURS_MESSAGES.notHalfHour });
  });
});

describe('isValidEntryMinutes', () => {
  it.each([30, 60, 90, 1440])('accepts %i', (minutes) => expect(isValidEntryMinutes(minutes)).toBe(true));
  it.each([0, 15, 45, -30, 1470, 30.5, Number.NaN])('refuses %d', (minutes) => expect(isValidEntryMinutes(minutes)).toBe(false));
});
